package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.api.DigestItem;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.WorkingDayCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A digest's items as a person reads them, in mails, on the digest page and in webhook texts: every word from
 * {@link ReminderWording}, and, from this service's read model of tasks.events, where the unit's part stands now (its
 * status and last progress) and what the supervising office expects of it next.
 */
@ApplicationScoped
public class ReadableDigests {

    private final EntityManager entityManager;
    private final CalendarService calendar;
    private final NotificationsConfig config;

    public ReadableDigests(EntityManager entityManager, CalendarService calendar, NotificationsConfig config) {
        this.entityManager = entityManager;
        this.calendar = calendar;
        this.config = config;
    }

    /**
     * One line of a digest in words. {@code link} is where its task opens for a person: the site's own front end
     * (NOTIFICATIONS_APP_TASK_URL), else, in a mail, the item on the digest page, and on the page itself nothing.
     */
    public record ReadableItem(DigestItem item, int number, String anchor, String lightClass, String light,
                               String rule, String kind, String standing, String deadlineText, String dueDate,
                               String effectiveDeadline, String aboutUnitName, String status, String progress,
                               String expectedNext, String link) {
    }

    /**
     * The digest's items in words; {@code pageLink} is the signed page link to point items at (a mail), or null (the
     * page itself).
     */
    public List<ReadableItem> items(UUID digestUnitId, LocalDate day, List<DigestItem> items, int first,
                                    String pageLink) {
        Map<String, Object[]> parts = currentParts(items);
        WorkingDayCalendar workingDays = calendar.calendar();
        int perPage = config.digestPage().itemsPerPage();
        List<ReadableItem> readable = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            DigestItem item = items.get(i);
            int number = first + i + 1;
            UUID unitId = item.aboutUnitId() != null ? item.aboutUnitId() : digestUnitId;
            Object[] part = parts.get(item.taskId() + "/" + unitId);
            String status = part == null ? null : (String) part[0];
            String anchor = "item-" + number;
            String link = config.appTaskUrl().map(url -> url.replace("{taskId}", item.taskId().toString())
                            .replace("{unitId}", unitId.toString()))
                    .orElse(pageLink == null ? null
                            : pageLink + "&page=" + ((number - 1) / perPage + 1) + "#" + anchor);
            readable.add(new ReadableItem(item, number, anchor, lightClass(item.light()),
                    ReminderWording.light(item.light()), ReminderWording.ruleName(item.rule(), item.ruleDetail()),
                    ReminderWording.kind(item.kind()),
                    ReminderWording.standing(item.kind(), item.ruleDetail(), item.effectiveDeadline(), day,
                            workingDays),
                    item.deadlineText() == null ? "未写明" : item.deadlineText(),
                    ReminderWording.date(item.dueDate()), ReminderWording.date(item.effectiveDeadline()),
                    item.aboutUnitName(), ReminderWording.status(status), progress(part),
                    ReminderWording.expectedNext(item.kind(), status), link));
        }
        return readable;
    }

    private String progress(Object[] part) {
        if (part == null) {
            return "暂无进展信息";
        }
        Number percent = (Number) part[1];
        OffsetDateTime reportedAt = (OffsetDateTime) part[2];
        if (percent == null && reportedAt == null) {
            return "尚未报送进展";
        }
        StringBuilder text = new StringBuilder();
        if (reportedAt != null) {
            text.append(ReminderWording.dateTime(reportedAt, config.timeZone())).append(" 报送");
        }
        if (percent != null) {
            text.append(text.isEmpty() ? "" : "，").append("完成 ").append(percent.intValue()).append("%");
        }
        return text.toString();
    }

    /** Each item's unit part as tasks.events last described it: status, percent, time of the last report. */
    private Map<String, Object[]> currentParts(List<DigestItem> items) {
        Map<String, Object[]> parts = new HashMap<>();
        if (items.isEmpty()) {
            return parts;
        }
        List<UUID> taskIds = items.stream().map(DigestItem::taskId).distinct().toList();
        QuarkusTransaction.joiningExisting().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("SELECT task_id, unit_id, status, percent, "
                            + "last_progress_at FROM assignment_info WHERE task_id IN (:ids)")
                    .setParameter("ids", taskIds).getResultList();
            rows.forEach(r -> parts.put(r[0] + "/" + r[1], new Object[] {r[2], r[3], timestamp(r[4])}));
        });
        return parts;
    }

    /** Hibernate reads a timestamptz column in a native query as an Instant or an OffsetDateTime, by dialect. */
    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return value instanceof java.sql.Timestamp sql ? sql.toInstant().atOffset(ZoneOffset.UTC) : (OffsetDateTime) value;
    }

    private static String lightClass(String light) {
        return light == null ? "none" : light.toLowerCase(java.util.Locale.ROOT);
    }
}
