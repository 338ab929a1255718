package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.api.DigestItem;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.AssignmentInfo;
import cn.gov.supervision.notifications.domain.PlannedReminder;
import cn.gov.supervision.notifications.domain.ReminderKind;
import cn.gov.supervision.notifications.domain.ReminderPolicy;
import cn.gov.supervision.notifications.domain.ReminderRules;
import cn.gov.supervision.notifications.domain.ReminderWindow;
import cn.gov.supervision.notifications.domain.TaskInfo;
import cn.gov.supervision.notifications.domain.UnitInfo;
import cn.gov.supervision.notifications.domain.WorkingDayCalendar;
import cn.gov.supervision.notifications.repository.DueAssignmentRepository;
import cn.gov.supervision.notifications.repository.UnitInfoRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Decides, for one day, which unit hears about which of its assignments and why: every open assignment a reminder can
 * fire for that day (the {@link ReminderWindow}, read in pages) goes through the reminder rules on the official
 * calendar, and the items are gathered into one digest per unit (a person would rather read one message than a storm
 * of them). Escalations also go to the supervising unit, once per assignment.
 */
@ApplicationScoped
public class DigestCollector {

    private final DueAssignmentRepository dueAssignments;
    private final UnitInfoRepository units;
    private final CalendarService calendar;
    private final PolicyService policies;
    private final NotificationsConfig config;
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public DigestCollector(DueAssignmentRepository dueAssignments, UnitInfoRepository units, CalendarService calendar,
                         PolicyService policies, NotificationsConfig config, EntityManager entityManager,
                         ObjectMapper objectMapper) {
        this.dueAssignments = dueAssignments;
        this.units = units;
        this.calendar = calendar;
        this.policies = policies;
        this.config = config;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /** One unit's digest for the day, before it is stored; {@code escalations} are the assignments escalated in it. */
    public record PlannedDigest(UnitInfo unit, List<String> recipients, List<DigestItem> items,
                                List<Escalation> escalations) {
    }

    public record Escalation(UUID taskId, UUID unitId) {
    }

    /** In a read-only transaction of its own: the isolation level can only be set before its first query. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeoutFromConfigProperty = "notifications.daily-run.read-timeout-seconds")
    public List<PlannedDigest> collect(LocalDate day) {
        // One snapshot for every page: a task changed by an event meanwhile is read as it was, never twice or not at all
        entityManager.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate();
        WorkingDayCalendar workingDays = calendar.calendar();
        ReminderPolicy policy = policies.current();
        ReminderRules rules = new ReminderRules(workingDays, policy);
        Map<UUID, UnitInfo> unitsById = new HashMap<>();
        units.listAll().forEach(u -> unitsById.put(u.id, u));
        Map<UUID, List<DigestItem>> itemsByUnit = new TreeMap<>();
        Map<UUID, List<Escalation>> escalationsByUnit = new HashMap<>();
        ReminderWindow window = ReminderWindow.on(day, rules, workingDays, policy);
        dueAssignments.forEachDue(window, config.dailyRun().pageSize(), due -> {
            TaskInfo task = due.task();
            AssignmentInfo assignment = due.assignment();
            LocalDate dueDate = assignment.dueDate != null ? assignment.dueDate : task.dueDate;
            for (PlannedReminder reminder : rules.remindersOn(day, task.deadlineKind, dueDate, task.recurrence,
                    assignment.isCompleted())) {
                if (reminder.kind() == ReminderKind.ESCALATION) {
                    if (due.escalated()) {
                        continue;
                    }
                    Escalation escalation = new Escalation(task.id, assignment.unitId);
                    UnitInfo late = unitsById.get(assignment.unitId);
                    escalationsByUnit.computeIfAbsent(assignment.unitId, u -> new ArrayList<>()).add(escalation);
                    itemsByUnit.computeIfAbsent(config.supervisingUnitId(), u -> new ArrayList<>())
                            .add(item(task, dueDate, reminder, day, assignment.unitId, late == null ? null : late.name));
                }
                itemsByUnit.computeIfAbsent(assignment.unitId, u -> new ArrayList<>())
                        .add(item(task, dueDate, reminder, day, null, null));
            }
        });
        List<PlannedDigest> digests = new ArrayList<>();
        itemsByUnit.forEach((unitId, items) -> {
            UnitInfo unit = unitsById.get(unitId);
            if (unit == null) {
                return; // a unit this service has not heard of yet cannot be written to; its next run will
            }
            items.sort(Comparator.comparing(DigestItem::effectiveDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(DigestItem::code).thenComparing(i -> i.kind().ordinal())
                    .thenComparing(DigestItem::taskId)
                    .thenComparing(DigestItem::aboutUnitId, Comparator.nullsFirst(Comparator.naturalOrder())));
            boolean escalatedHere = items.stream().anyMatch(i -> i.kind() == ReminderKind.ESCALATION && i.aboutUnitId() == null);
            digests.add(new PlannedDigest(unit, recipients(unit, escalatedHere), List.copyOf(items),
                    escalationsByUnit.getOrDefault(unitId, List.of())));
        });
        return digests;
    }

    private DigestItem item(TaskInfo task, LocalDate due, PlannedReminder reminder, LocalDate day, UUID aboutUnitId,
                            String aboutUnitName) {
        return new DigestItem(task.id, task.code, task.title, task.deadlineText, due, reminder.effectiveDeadline(),
                reminder.kind(), reminder.rule(), reminder.ruleDetail(), light(reminder, day), aboutUnitId,
                aboutUnitName, config.publicBaseUrl() + "/api/v1/tasks/" + task.id);
    }

    /** Red when overdue, yellow within a week of the effective deadline, green otherwise. */
    private static String light(PlannedReminder reminder, LocalDate day) {
        if (reminder.kind() == ReminderKind.OVERDUE || reminder.kind() == ReminderKind.ESCALATION) {
            return "RED";
        }
        if (reminder.effectiveDeadline() == null) {
            return "GREEN";
        }
        long days = ChronoUnit.DAYS.between(day, reminder.effectiveDeadline());
        return days < 0 ? "RED" : days <= 7 ? "YELLOW" : "GREEN";
    }

    /**
     * The unit's contacts with an e-mail address. The leader in charge (分管领导) hears only about escalations of the
     * unit's own work, unless nobody else is listed.
     */
    private List<String> recipients(UnitInfo unit, boolean escalated) {
        Set<String> everyone = new LinkedHashSet<>();
        Set<String> regular = new LinkedHashSet<>();
        try {
            for (JsonNode contact : objectMapper.readTree(unit.contacts)) {
                String email = contact.path("email").asText("");
                if (email.isBlank()) {
                    continue;
                }
                everyone.add(email);
                if (!config.escalationContactRole().equals(contact.path("role").asText(""))) {
                    regular.add(email);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable contacts of unit " + unit.id, e);
        }
        return List.copyOf(escalated || regular.isEmpty() ? everyone : regular);
    }
}
