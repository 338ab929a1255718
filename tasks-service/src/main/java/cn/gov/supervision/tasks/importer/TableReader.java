package cn.gov.supervision.tasks.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plan's tables: the attachments' task lists, as pipe rows ({@code 1 | 任务 | 单位 | 9月底前 |}) or one cell per
 * line. A table starts at a header row whose columns are recognized by name; it belongs to the attachment heading
 * above it (附件1 and the list title on the line after), which gives its rows' codes, section and category.
 */
final class TableReader {

    private static final int LONGEST_LIST_TITLE = 100;

    private final DocumentLines lines;
    private final TableRowInterpreter rows;
    private final TaskCollector tasks;
    private final Diagnostics diagnostics;
    private int unnamedTables;

    TableReader(DocumentLines lines, TableRowInterpreter rows, TaskCollector tasks, Diagnostics diagnostics) {
        this.lines = lines;
        this.rows = rows;
        this.tasks = tasks;
        this.diagnostics = diagnostics;
    }

    void read() {
        TableSource source = null;
        TableLayout layout = null;
        boolean unknownTableReported = false;
        boolean headerOpensWithPipe = false;
        for (int i = 0; i < lines.count() && !tasks.stopped(); i++) {
            String text = lines.text(i);
            Heading heading = Heading.of(text);
            if (heading != null) {
                layout = null;
                unknownTableReported = false;
                source = null;
                if (heading.kind() == Heading.Kind.ATTACHMENT) {
                    String title = TextForms.readable(text.substring(heading.textStart()));
                    int titleLine = title.isEmpty() ? listTitleLine(i + 1) : -1;
                    if (titleLine >= 0) {
                        title = TextForms.readable(lines.text(titleLine));
                        i = titleLine;
                    }
                    source = TableSource.attachment(heading, title);
                }
                continue;
            }
            List<String> cells = PipeRow.cells(text, layout == null ? 2 : 1);
            if (cells != null) {
                TableLayout header = looksLikeDataRow(cells) ? null : TableLayout.recognize(cells);
                if (header != null) {
                    layout = header;
                    headerOpensWithPipe = PipeRow.opensWithPipe(text);
                    unknownTableReported = false;
                    source = source == null ? TableSource.unnamed(++unnamedTables) : source;
                } else if (layout != null) {
                    rows.read(source, layout, alignedWithHeader(cells, text, headerOpensWithPipe),
                            DocumentLines.number(i), text);
                } else if (!unknownTableReported && cells.size() >= 3 && looksLikeDataRow(cells)) {
                    unknownTableReported = true;
                    diagnostics.warning(DocumentLines.number(i), "UNKNOWN_TABLE",
                            "table rows under no recognizable header row (序号 | 重点任务 | 牵头单位 | 完成时限 …); "
                                    + "they were skipped", text);
                }
                continue;
            }
            int headerEnd = CellPerLineTable.headerEnd(lines, i);
            if (headerEnd > i) {
                CellPerLineTable table = CellPerLineTable.withHeader(lines, i, headerEnd);
                if (table != null) {
                    layout = null;
                    source = source == null ? TableSource.unnamed(++unnamedTables) : source;
                    headerEnd = table.readRows(source, rows);
                }
                // Lines of a run that is no header start none either: skipping them keeps this pass linear.
                i = headerEnd - 1;
            }
        }
    }

    /**
     * A row's cells lined up with its header's. When the header opens with its first cell (序号 | …) and the row
     * with a pipe ({@code | | 市财政局 | …}), the row's first cell is the empty one before that pipe.
     */
    private static List<String> alignedWithHeader(List<String> cells, String row, boolean headerOpensWithPipe) {
        if (headerOpensWithPipe || !PipeRow.opensWithPipe(row)) {
            return cells;
        }
        List<String> aligned = new ArrayList<>(cells.size() + 1);
        aligned.add("");
        aligned.addAll(cells);
        return aligned;
    }

    /** The line after 附件1 holding the list's title, if it is one: short, and neither a header nor a row. */
    private int listTitleLine(int index) {
        int i = index;
        while (i < lines.count() && lines.text(i).isBlank()) {
            i++;
        }
        if (i >= lines.count()) {
            return -1;
        }
        String text = lines.text(i);
        boolean title = text.strip().length() <= LONGEST_LIST_TITLE && Heading.of(text) == null
                && PipeRow.cells(text) == null && Column.named(text) == Column.OTHER;
        return title ? i : -1;
    }

    /**
     * A row whose first cell is a number: a table's data, never its header nor the metadata rows above a document.
     * Knowing it spares converting the row's cells to compare them with column names.
     */
    private static boolean looksLikeDataRow(List<String> cells) {
        return !cells.get(0).isEmpty() && cells.get(0).chars().allMatch(Character::isDigit);
    }
}
