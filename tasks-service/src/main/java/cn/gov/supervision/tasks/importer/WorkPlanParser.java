package cn.gov.supervision.tasks.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the plain text of a published work plan (工作要点) into tasks: the clauses of its body that end with their lead
 * units, and the rows of its attachments' task lists. Never throws: whatever the text, the result says what was found
 * and, in its diagnostics, what was not understood.
 */
public final class WorkPlanParser {

    private final DeadlineParser deadlineParser = new DeadlineParser();

    /**
     * @param document     the plan's text, as copied from the government site (traditional or simplified)
     * @param yearOverride the plan's year when the caller knows it better than the document; null to read it from
     *                     the title, else from 成文日期
     */
    public ParsedPlan parse(String document, Integer yearOverride) {
        Diagnostics diagnostics = new Diagnostics();
        try {
            return parse(document == null ? "" : document, yearOverride, diagnostics);
        } catch (RuntimeException e) {
            // A bug must reach the importer as a diagnostic on one document, not as a failed request.
            diagnostics.error(0, "PARSER_FAILURE", "the parser failed on this document: " + e, "");
            return new ParsedPlan(new PlanHeader(null, yearOverride, null, null, null), List.of(), diagnostics.list());
        }
    }

    private ParsedPlan parse(String document, Integer yearOverride, Diagnostics diagnostics) {
        DocumentLines lines = DocumentLines.of(document);
        reportLostCharacters(lines, diagnostics);
        PlanHeader header = new HeaderReader(lines, diagnostics).read(yearOverride);
        TaskCollector tasks = new TaskCollector(diagnostics);
        new BodyClauseReader(lines, tasks, diagnostics).read();
        TableRowInterpreter rows = new TableRowInterpreter(deadlineParser, header.year(), tasks, diagnostics);
        new TableReader(lines, rows, tasks, diagnostics).read();
        if (tasks.isEmpty()) {
            diagnostics.error(0, "NO_TASKS", "no task was found: no clause ending in (牵头单位:…) and no task-list "
                    + "table with a recognizable header row", "");
        }
        return new ParsedPlan(header, withoutCutOffTask(lines, tasks.inDocumentOrder(), diagnostics),
                diagnostics.list());
    }

    /**
     * Web copies often stop mid-word. When the document ends without closing punctuation, the task its last line
     * belongs to may have lost the end of its last unit's name (责任单位:区, 人民银): it is reported, not imported.
     */
    private static List<ParsedTask> withoutCutOffTask(DocumentLines lines, List<ParsedTask> found,
                                                      Diagnostics diagnostics) {
        int last = lines.count() - 1;
        while (last >= 0 && lines.text(last).isBlank()) {
            last--;
        }
        if (last < 0 || found.isEmpty()) {
            return found;
        }
        String lastLine = lines.text(last).strip();
        if (!Character.isLetterOrDigit(lastLine.charAt(lastLine.length() - 1))) {
            return found;
        }
        ParsedTask lastTask = found.get(found.size() - 1);
        List<String> names = new ArrayList<>(lastTask.leadUnitNames());
        names.addAll(lastTask.coUnitNames());
        boolean cut = lastTask.originalText().strip().endsWith(lastLine)
                && !names.isEmpty() && !names.stream().allMatch(ImportVocabulary::looksWhole);
        if (!cut) {
            return found;
        }
        diagnostics.warning(lastTask.line(), "PARTIAL_TASK", "the document stops mid-word here, inside the units of "
                + lastTask.code() + ": the copy seems cut off; the task was not imported", lastTask.originalText());
        return found.subList(0, found.size() - 1);
    }

    /** 名??稱: a converter lost characters here; whatever was read from the line may lack them. */
    private static void reportLostCharacters(DocumentLines lines, Diagnostics diagnostics) {
        for (int i = 0; i < lines.count(); i++) {
            String text = lines.text(i);
            if (text.contains("??") || text.indexOf('\uFFFD') >= 0) {
                diagnostics.info(DocumentLines.number(i), "LOST_CHARACTERS",
                        "characters were lost in conversion on this line (?? or U+FFFD)", text);
            }
        }
    }
}
