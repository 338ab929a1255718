package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.kit.security.LinkSignatures;
import cn.gov.supervision.kit.security.LinkSignatures.LinkCheck;
import cn.gov.supervision.tasks.api.CalendarSubscription;
import cn.gov.supervision.tasks.config.TasksConfig;
import cn.gov.supervision.tasks.domain.Assignment;
import cn.gov.supervision.tasks.domain.UnitRef;
import cn.gov.supervision.tasks.repository.UnitRefRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A unit's deadlines as an iCalendar feed (RFC 5545) that phones and desktop calendars can subscribe to: one all-day
 * event per dated, open assignment on its own due date, with alarms a week and a day before.
 */
@ApplicationScoped
public class CalendarFeed {

    private static final List<Duration> ALARMS = List.of(Duration.ofDays(7), Duration.ofDays(1));
    private static final String LINK_PURPOSE = "calendar-subscription";
    /** Every unit's links start at this version (units-service's default). */
    private static final long FIRST_LINK_VERSION = 1;

    private final EntityManager entityManager;
    private final UnitRefRepository units;
    private final TasksConfig config;
    private final Caller caller;
    private final LinkSignatures subscriptionLinks;

    public CalendarFeed(EntityManager entityManager, UnitRefRepository units, TasksConfig config, Caller caller) {
        this.entityManager = entityManager;
        this.units = units;
        this.config = config;
        this.caller = caller;
        this.subscriptionLinks = LinkSignatures.withSecret(config.calendarSecret(), "TASKS_CALENDAR_SECRET");
    }

    /** A unit's feed; a caller confined to a unit reads its own (the default for it) and no other. */
    @Transactional
    public Feed forUnit(UUID requested) {
        return feedOf(knownUnit(callersUnit(requested)));
    }

    /**
     * The link a calendar app subscribes with. It works without a token and does not expire (a calendar app refreshes
     * silently and would just stop showing deadlines): whoever holds it reads this unit's deadlines, as with any
     * calendar's secret address, until an administrator revokes the unit's links in units-service, which bumps the
     * unit's link version that the link carries.
     */
    @Transactional
    public CalendarSubscription subscription(UUID requested) {
        UnitRef unit = knownUnit(callersUnit(requested));
        return new CalendarSubscription(unit.id, config.publicBaseUrl() + "/api/v1/tasks/calendar/" + unit.id
                + ".ics?v=" + unit.linkVersion + "&sig=" + subscriptionLinks.sign(signedLink(unit.id, unit.linkVersion)));
    }

    /**
     * The feed behind a subscription link, for a caller that has nothing but the link. A link without a version was
     * issued before versions existed (it signs the bare unit id): it keeps working until the unit's links are first
     * revoked, so that calendars subscribed then do not silently go blank.
     */
    @Transactional
    public Feed subscribed(UUID unitId, String linkVersion, String signature) {
        UnitRef unit = units.findById(unitId);
        long current = unit == null ? FIRST_LINK_VERSION : unit.linkVersion;
        LinkCheck check;
        if (linkVersion == null) {
            check = !subscriptionLinks.verifies(unitId.toString(), signature) ? LinkCheck.TAMPERED
                    : current == FIRST_LINK_VERSION ? LinkCheck.VALID : LinkCheck.REVOKED;
        } else {
            check = subscriptionLinks.check(LINK_PURPOSE, unitId, linkVersion, null, signature, current, Instant.now());
        }
        switch (check) {
            case VALID -> {
                return feedOf(knownUnit(unitId));
            }
            case REVOKED -> throw new ProblemException(Response.Status.GONE, "link-revoked",
                    "This calendar link for unit " + unitId + " was revoked; ask for a new one");
            default -> throw new ProblemException(Response.Status.FORBIDDEN, "invalid-link",
                    "This calendar link is not signed for unit " + unitId + "; ask for a new one");
        }
    }

    private static LinkSignatures.SignedLink signedLink(UUID unitId, long linkVersion) {
        return new LinkSignatures.SignedLink(LINK_PURPOSE, unitId, linkVersion, null);
    }

    private UUID callersUnit(UUID requested) {
        UUID unitId = requested != null ? requested : caller.confinedUnit()
                .orElseThrow(() -> ProblemException.invalidField("unitId", "is required"));
        caller.requireUnit(unitId, "read the calendar");
        return unitId;
    }

    private UnitRef knownUnit(UUID unitId) {
        UnitRef unit = units.findById(unitId);
        if (unit == null) {
            throw ProblemException.notFound("Unit", unitId);
        }
        return unit;
    }

    private Feed feedOf(UnitRef unit) {
        UUID unitId = unit.id;
        List<Assignment> assignments = entityManager.createQuery("""
                        SELECT a FROM Assignment a JOIN FETCH a.task t
                        WHERE a.unitId = :unitId AND a.status <> cn.gov.supervision.tasks.domain.AssignmentStatus.COMPLETED
                          AND coalesce(a.extendedDueDate, t.dueDate) IS NOT NULL
                        ORDER BY coalesce(a.extendedDueDate, t.dueDate), t.code
                        """, Assignment.class)
                .setParameter("unitId", unitId)
                .getResultList();

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Huzhou Supervision//Tasks//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", unit.name + " 督办事项"));
        for (Assignment assignment : assignments) {
            calendar.add(event(assignment));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Feed(unitId, out.toString());
    }

    /** The iCalendar text of one unit's feed. */
    public record Feed(UUID unitId, String text) {
    }

    private VEvent event(Assignment assignment) {
        LocalDate due = assignment.effectiveDueDate();
        String summary = "【" + assignment.task.code + "】" + assignment.task.title;
        VEvent event = new VEvent(due, due.plusDays(1), summary);
        event.add(new Uid(assignment.id + "@supervision.huzhou"));
        String taskUrl = config.publicBaseUrl() + "/api/v1/tasks/" + assignment.task.id;
        event.add(new Description("完成时限: " + (assignment.task.deadlineText == null ? due : assignment.task.deadlineText)
                + "\n状态: " + assignment.status + "\n" + taskUrl));
        event.add(new Url(URI.create(taskUrl)));
        for (Duration before : ALARMS) {
            VAlarm alarm = new VAlarm(before.negated());
            alarm.add(ImmutableAction.DISPLAY);
            alarm.add(new Description(summary + " 将于" + due + "到期"));
            event.add(alarm);
        }
        return event;
    }
}
