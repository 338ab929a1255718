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
    /** A cell of a table copied one cell per line runs over a few lines at most; past this it is no such table. */
    private static final int MOST_LINES_IN_A_CELL = 8;

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
        RowAligner aligner = null;
        List<String> headerCells = null;
        boolean afterPageBreak = false;
        for (int i = 0; i < lines.count() && !tasks.stopped(); i++) {
            String text = lines.text(i);
            if (layout != null && PageNumbers.is(text)) {
                // — 3 —, 第 3 页 共 10 页: a copy of a printed table keeps its page breaks' debris between rows
                afterPageBreak = true;
                continue;
            }
            Heading heading = Heading.of(text);
            if (heading != null && layout != null && heading.kind() != Heading.Kind.ATTACHMENT
                    && PipeRow.cells(text, 1) != null) {
                // 一、… | 1.… | 财务科: a section merged over its rows, standing in the first of them
                heading = null;
            }
            if (heading != null && layout != null && heading.kind() != Heading.Kind.ATTACHMENT
                    && rowsGoOnAfter(i)) {
                // 二、… or (一)… as a row merged across the table (a .docx's or a PDF's section row, written as a line
                // of its own), with the table's rows going on under it: the table keeps its header, and its rows are
                // filed under the heading
                source = source.under(TextForms.readable(text.strip()));
                continue;
            }
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
            int pipeLinesEnd = readPipeLineTable(i, source);
            if (pipeLinesEnd > i) {
                layout = null;
                source = null;
                i = pipeLinesEnd - 1;
                continue;
            }
            List<String> cells = PipeRow.cells(text, layout == null ? 2 : 1);
            if (cells != null) {
                TableLayout header = looksLikeDataRow(cells) ? null : TableLayout.recognize(cells);
                if (header != null && layout != null && cells.equals(headerCells)) {
                    // the header row a word processor repeats at the top of every page: the same table goes on
                    afterPageBreak = true;
                    continue;
                }
                if (header != null) {
                    headerCells = cells;
                    afterPageBreak = false;
                    layout = header;
                    aligner = new RowAligner(header);
                    headerOpensWithPipe = PipeRow.opensWithPipe(text);
                    unknownTableReported = false;
                    source = source == null ? TableSource.unnamed(++unnamedTables) : source;
                } else if (layout != null) {
                    List<String> aligned = aligner.align(alignedWithHeader(cells, text, headerOpensWithPipe));
                    if (!(afterPageBreak && rows.continuesCutRow(layout, aligned, DocumentLines.number(i), text))) {
                        rows.read(source, layout, aligned, DocumentLines.number(i), text);
                    }
                    afterPageBreak = false;
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
                    headerEnd = table.readRows(source, rows, diagnostics);
                }
                // Lines of a run that is no header start none either: skipping them keeps this pass linear.
                i = headerEnd - 1;
            }
        }
    }

    /**
     * A table whose cells stand on lines of their own with a line holding only {@code |} after each, header first
     * (工作任务 / | / 具体要求 / | / …), as copies of some government pages give it. Returns the index after the table,
     * or {@code index} when no such table starts there.
     */
    private int readPipeLineTable(int index, TableSource source) {
        if (!isPipeLine(index + 1) || !Column.isColumnName(lines.text(index))) {
            return index;
        }
        List<CellStream.Cell> cells = new ArrayList<>();
        int i = index;
        while (i < lines.count()) {
            int separator = i;
            while (separator < lines.count() && !isPipeLine(separator) && separator - i < MOST_LINES_IN_A_CELL) {
                separator++;
            }
            if (separator >= lines.count() || !isPipeLine(separator)) {
                break;
            }
            String cell = separator == i ? "" : lines.span(i, separator - 1).strip();
            cells.add(new CellStream.Cell(cell, i, Math.max(i, separator - 1)));
            i = separator + 1;
        }
        List<String> header = new ArrayList<>();
        int headerCells = 0;
        while (headerCells < cells.size() && Column.isColumnName(cells.get(headerCells).text())) {
            header.add(cells.get(headerCells++).text());
        }
        TableLayout layout = TableLayout.recognize(header);
        if (layout == null) {
            return index;
        }
        TableSource table = source == null ? TableSource.unnamed(++unnamedTables) : source;
        CellStream stream = new CellStream(layout, table, rows, lines, diagnostics);
        for (CellStream.Cell cell : cells.subList(headerCells, cells.size())) {
            if (!stream.offer(cell)) {
                return Math.max(index + 1, stream.pendingStart());
            }
        }
        stream.finish();
        return i;
    }

    private boolean isPipeLine(int index) {
        return index < lines.count() && lines.text(index).strip().equals("|");
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
    /** Whether, after the heading lines from {@code index} on, the next line is a row of data rather than a header. */
    private boolean rowsGoOnAfter(int index) {
        int next = index + 1;
        while (next < lines.count() && (lines.text(next).isBlank() || isSectionHeading(lines.text(next)))) {
            next++;
        }
        if (next >= lines.count()) {
            return false;
        }
        List<String> cells = PipeRow.cells(lines.text(next), 1);
        return cells != null && (looksLikeDataRow(cells) || TableLayout.recognize(cells) == null);
    }

    private static boolean isSectionHeading(String text) {
        Heading heading = Heading.of(text);
        return heading != null && heading.kind() != Heading.Kind.ATTACHMENT && PipeRow.cells(text, 1) == null;
    }

    private static boolean looksLikeDataRow(List<String> cells) {
        return !cells.get(0).isEmpty() && cells.get(0).chars().allMatch(Character::isDigit);
    }
}
