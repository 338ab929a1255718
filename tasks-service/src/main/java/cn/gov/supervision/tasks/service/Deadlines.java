package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.tasks.api.DeadlineData;
import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.Task;
import cn.gov.supervision.tasks.importer.DeadlineParser;
import cn.gov.supervision.tasks.importer.ParsedDeadline;

import java.time.LocalDate;

/** Checks a deadline given through the API and fills in what follows from its kind. */
final class Deadlines {

    private Deadlines() {
    }

    private static final DeadlineParser PARSER = new DeadlineParser();

    /** A deadline given only as words (9月底前) is understood relative to the plan's year, as the importer does. */
    static DeadlineData validated(DeadlineData deadline, int planYear) {
        if (deadline.kind() == null) {
            if (deadline.text() == null || deadline.text().isBlank()) {
                throw ProblemException.invalidField("deadline.kind",
                        "is required (DATE, YEAR_ROUND, ONGOING, RECURRING, NONE) unless the deadline text is given");
            }
            ParsedDeadline parsed = PARSER.parse(deadline.text(), planYear);
            deadline = new DeadlineData(deadline.text(), parsed.kind(), parsed.dueDate(), parsed.recurrence());
        }
        String text = ChineseText.clean(deadline.text());
        return switch (deadline.kind()) {
            case DATE -> {
                if (deadline.dueDate() == null) {
                    throw ProblemException.invalidField("deadline.dueDate", "is required for a DATE deadline");
                }
                noRecurrence(deadline);
                yield new DeadlineData(text, DeadlineKind.DATE, deadline.dueDate(), null);
            }
            case YEAR_ROUND -> {
                noRecurrence(deadline);
                LocalDate due = deadline.dueDate() != null ? deadline.dueDate() : LocalDate.of(planYear, 12, 31);
                yield new DeadlineData(text, DeadlineKind.YEAR_ROUND, due, null);
            }
            case RECURRING -> {
                if (deadline.recurrence() == null) {
                    throw ProblemException.invalidField("deadline.recurrence", "is required for a RECURRING deadline");
                }
                noDueDate(deadline);
                yield new DeadlineData(text, DeadlineKind.RECURRING, null, deadline.recurrence());
            }
            case ONGOING, NONE -> {
                noDueDate(deadline);
                noRecurrence(deadline);
                yield new DeadlineData(text, deadline.kind(), null, null);
            }
        };
    }

    static void apply(Task task, DeadlineData deadline) {
        task.deadlineText = deadline.text();
        task.deadlineKind = deadline.kind();
        task.dueDate = deadline.dueDate();
        task.recurrence = deadline.recurrence();
    }

    private static void noDueDate(DeadlineData deadline) {
        if (deadline.dueDate() != null) {
            throw ProblemException.invalidField("deadline.dueDate", "must be empty for a " + deadline.kind() + " deadline");
        }
    }

    private static void noRecurrence(DeadlineData deadline) {
        if (deadline.recurrence() != null) {
            throw ProblemException.invalidField("deadline.recurrence", "is only for a RECURRING deadline");
        }
    }
}
