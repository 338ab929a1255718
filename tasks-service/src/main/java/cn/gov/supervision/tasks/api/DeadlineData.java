package cn.gov.supervision.tasks.api;

import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.Recurrence;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A deadline as written ({@code text}, e.g. 9月底前) and as understood. On input, giving only the text lets the
 * service understand it relative to the plan's year.
 */
public record DeadlineData(@Size(max = 200) String text, DeadlineKind kind, LocalDate dueDate, Recurrence recurrence) {
}
