package cn.gov.supervision.tasks.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks found so far: numbers them per code prefix, so a code stays unique even where a heading repeats, and
 * stops taking tasks past a number no plan reaches (converting the text of a pasted dump would take minutes).
 */
final class TaskCollector {

    /** Far above the few hundred tasks of the largest plans. */
    static final int MOST_TASKS = 1000;

    private final Diagnostics diagnostics;
    private final List<ParsedTask> tasks = new ArrayList<>();
    private final Map<String, Integer> lastNumbers = new HashMap<>();
    private boolean refused;

    TaskCollector(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Whether one more task may be added; reports, once, the first task that may not. */
    boolean accepts(int line) {
        if (tasks.size() < MOST_TASKS) {
            return true;
        }
        if (!refused) {
            refused = true;
            diagnostics.error(line, "TOO_MANY_TASKS",
                    "the document has more than " + MOST_TASKS + " tasks; the rest, from this line on, were not read",
                    "");
        }
        return false;
    }

    /** The next code under a prefix: 附件1-1, 附件1-2, …; (一)-1, (一)-2, …. */
    String nextCode(String prefix) {
        return prefix + "-" + lastNumbers.merge(prefix, 1, Integer::sum);
    }

    void add(ParsedTask task) {
        if (task.leadUnitNames().isEmpty()) {
            diagnostics.warning(task.line(), "NO_LEAD_UNIT", task.code() + " names no lead unit", task.originalText());
        }
        if (!TextForms.fits(task.originalText())) {
            diagnostics.warning(task.line(), "LONG_TEXT", task.code() + " is longer than " + TextForms.LONGEST_CONVERTED
                    + " characters; its title and description keep only the beginning", "");
        }
        tasks.add(task);
    }

    /**
     * Adds text to the task added last: the rest of a table row that a page break cut off. Returns false when there
     * is no task to continue.
     */
    boolean continueLast(String moreDescription, String moreOriginal) {
        if (tasks.isEmpty()) {
            return false;
        }
        ParsedTask last = tasks.get(tasks.size() - 1);
        tasks.set(tasks.size() - 1, new ParsedTask(last.code(), last.category(), last.section(), last.title(),
                last.description() + moreDescription, last.leadUnitNames(), last.coUnitNames(), last.deadline(),
                last.originalText() + "\n" + moreOriginal, last.line()));
        return true;
    }

    /** Whether a task has been refused: the readers then stop, for nothing more will be taken. */
    boolean stopped() {
        return refused;
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** Body clauses and table rows, read in separate passes, merged back into the order of the document. */
    List<ParsedTask> inDocumentOrder() {
        List<ParsedTask> ordered = new ArrayList<>(tasks);
        ordered.sort(Comparator.comparingInt(ParsedTask::line));
        return ordered;
    }
}
