package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.Recurrence;

import java.time.LocalDate;

/**
 * A deadline as written and as understood.
 *
 * @param text       the deadline exactly as the document gives it ("" when it gives none); never null
 * @param kind       how it was understood; NONE when it was not
 * @param dueDate    set for DATE and YEAR_ROUND, null otherwise
 * @param recurrence set for RECURRING, null otherwise
 */
public record ParsedDeadline(String text, DeadlineKind kind, LocalDate dueDate, Recurrence recurrence) {

    static ParsedDeadline none(String text) {
        return new ParsedDeadline(text, DeadlineKind.NONE, null, null);
    }
}
