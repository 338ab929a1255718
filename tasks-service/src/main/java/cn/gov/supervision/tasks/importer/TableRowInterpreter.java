package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.DeadlineKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns one table row, however it was laid out in the document, into a task. */
final class TableRowInterpreter {

    private final DeadlineParser deadlineParser;
    private final Integer planYear;
    private final UnitListParser unitListParser = new UnitListParser();
    private final TaskCollector tasks;
    private final Diagnostics diagnostics;

    TableRowInterpreter(DeadlineParser deadlineParser, Integer planYear, TaskCollector tasks,
                        Diagnostics diagnostics) {
        this.deadlineParser = deadlineParser;
        this.planYear = planYear;
        this.tasks = tasks;
        this.diagnostics = diagnostics;
    }

    /**
     * @param cells    the row's cells in column order; fewer than the header's when cells are missing
     * @param line     1-based line the row starts on
     * @param original the row exactly as in the document
     */
    void read(TableSource source, TableLayout layout, List<String> cells, int line, String original) {
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        String name = layout.cell(cells, Column.NAME);
        String task = layout.lastFilledCell(cells, Column.TASK);
        // 工作任务 | 具体要求: the first of several task columns names the task, the last says what is to be done
        String heading = layout.firstFilledCell(cells, Column.TASK);
        if (name.isBlank() && task.isBlank()) {
            diagnostics.error(line, "MISSING_CELL", "a row of " + source.section() + " has no task text; skipped",
                    original);
            return;
        }
        if (cells.size() < layout.width()) {
            diagnostics.warning(line, "MISSING_CELL", "a row of " + source.section() + " has " + cells.size() + " of "
                    + layout.width() + " cells; the missing ones are taken as empty", original);
        } else if (cells.size() > layout.width()) {
            diagnostics.warning(line, "EXTRA_CELL", "a row of " + source.section() + " has more cells than its "
                    + "header; the extra ones were ignored", original);
        }
        if (!tasks.accepts(line)) {
            return;
        }
        UnitList leadCell = unitListParser.parse(List.of(layout.cell(cells, Column.LEAD)));
        UnitList coCell = unitListParser.parse(List.of(layout.cell(cells, Column.CO)));
        List<String> leads = new ArrayList<>(leadCell.leads());
        String district = layout.cell(cells, Column.DISTRICT);
        if (leads.isEmpty() && TextForms.hasContent(district)) {
            leads.add(districtGovernment(district));
        }
        Set<String> cos = new LinkedHashSet<>(leadCell.cos());
        cos.addAll(coCell.leads());
        cos.addAll(coCell.cos());
        cos.removeAll(leads);
        tasks.add(new ParsedTask(tasks.nextCode(source.codePrefix()), source.category(layout), source.section(),
                TextForms.readable(name.isBlank() ? heading : name), TextForms.readable(task.isBlank() ? name : task),
                leads, new ArrayList<>(cos), deadline(layout, cells, line), original, line));
    }

    /**
     * Joins the rest of a row cut by a page break to the row it continues, when the row right after the break holds
     * only task text: no serial number, no name, no unit, no deadline (a row of its own would have its units).
     *
     * @return whether the row was such a rest and was joined
     */
    boolean continuesCutRow(TableLayout layout, List<String> cells, int line, String original) {
        String text = layout.lastFilledCell(cells, Column.TASK);
        for (Column column : List.of(Column.SERIAL, Column.NAME, Column.LEAD, Column.CO, Column.DEADLINE)) {
            if (layout.has(column) && TextForms.hasContent(layout.cell(cells, column))) {
                return false;
            }
        }
        if (!TextForms.hasContent(text) || !tasks.continueLast(TextForms.readable(text.strip()), original)) {
            return false;
        }
        diagnostics.info(line, "ROW_CONTINUED", "the rest of a row cut by a page break, joined to the row before it",
                original);
        return true;
    }

    /** Whether no more tasks are taken: readers of long tables stop. */
    boolean stopped() {
        return tasks.stopped();
    }

    /** An innovation project belongs to its district's or county's government: 吳興區 → 吴兴区政府. */
    private static String districtGovernment(String district) {
        String name = TextForms.unitName(TextForms.readable(district));
        return name.endsWith("区") || name.endsWith("县") ? name + "政府" : name;
    }

    private ParsedDeadline deadline(TableLayout layout, List<String> cells, int line) {
        String remark = layout.cell(cells, Column.REMARK);
        if (!remark.isBlank() && layout.cell(cells, Column.DEADLINE).isBlank()) {
            // 备注 sometimes gives the deadline the table has no column for: 11月底前完成
            ParsedDeadline inRemark = deadlineParser.parse(remark, planYear);
            if (inRemark.kind() != DeadlineKind.NONE) {
                return inRemark;
            }
        }
        if (!layout.has(Column.DEADLINE)) {
            return ParsedDeadline.none("");
        }
        String text = layout.cell(cells, Column.DEADLINE);
        ParsedDeadline deadline = deadlineParser.parse(text, planYear);
        if (deadline.kind() == DeadlineKind.NONE) {
            diagnostics.warning(line, "UNPARSED_DEADLINE",
                    "deadline not understood: \"" + TextForms.shorten(text, 40) + "\"", text);
        }
        return deadline;
    }
}
