package cn.gov.supervision.notifications.api;

import cn.gov.supervision.notifications.domain.ReminderKind;
import cn.gov.supervision.notifications.domain.ReminderRule;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a digest: a task, its deadline as written and as it effectively falls, which rule fired, and its light.
 * For an escalation sent to the supervising unit, {@code aboutUnit…} names the unit that is late.
 */
public record DigestItem(UUID taskId, String code, String title, String deadlineText, LocalDate dueDate,
                         LocalDate effectiveDeadline, ReminderKind kind, ReminderRule rule, String ruleDetail,
                         String light, UUID aboutUnitId, String aboutUnitName, String link) {
}
