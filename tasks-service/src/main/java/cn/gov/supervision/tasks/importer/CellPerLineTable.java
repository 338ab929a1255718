package cn.gov.supervision.tasks.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A table copied out of a word processor: each header cell on a line of its own, then each row's cells likewise.
 * <pre>
 * 序号
 * 工作任务
 * 责任单位
 * 时限要求
 * 1
 * 做好……工作
 * 市政府办公室
 * 9月底前
 * </pre>
 * The header is a run of lines that are all column names. When its first column is 序号, a line holding only a number
 * starts each row, so a row with a missing cell is noticed instead of shifting every row after it; otherwise rows are
 * read as groups of as many lines as the header has, up to a blank line.
 */
final class CellPerLineTable {

    /** Tables have a handful of columns: a header is never looked for further down a run of column names. */
    private static final int MOST_COLUMNS = 20;

    private final DocumentLines lines;
    private final TableLayout layout;
    private final int firstRowIndex;

    private CellPerLineTable(DocumentLines lines, TableLayout layout, int firstRowIndex) {
        this.lines = lines;
        this.layout = layout;
        this.firstRowIndex = firstRowIndex;
    }

    /**
     * The index after the run of column-name lines (序号, 工作任务, 责任单位, …) starting at this line; the index itself
     * when the line is no column name. A run is never longer than a table is wide.
     */
    static int headerEnd(DocumentLines lines, int index) {
        int end = index;
        while (end < lines.count() && end - index < MOST_COLUMNS && Column.isColumnName(lines.text(end))) {
            end++;
        }
        return end;
    }

    /** The table whose header is the lines from {@code index} to {@code headerEnd}, or null when they are none. */
    static CellPerLineTable withHeader(DocumentLines lines, int index, int headerEnd) {
        List<String> header = new ArrayList<>();
        for (int i = index; i < headerEnd; i++) {
            header.add(lines.text(i).strip());
        }
        TableLayout layout = header.size() >= 2 ? TableLayout.recognize(header) : null;
        return layout == null ? null : new CellPerLineTable(lines, layout, headerEnd);
    }

    /** Hands each row to {@code rows}; returns the index of the first line after the table. */
    int readRows(TableSource source, TableRowInterpreter rows, Diagnostics diagnostics) {
        boolean numbered = layout.columns().get(0) == Column.SERIAL;
        if (numbered) {
            return readNumberedRows(source, rows);
        }
        return new RowAligner(layout).knowsRowEnds() ? readStream(source, rows, diagnostics)
                : readGroupedRows(source, rows);
    }

    /**
     * Rows told apart by their last cell (units, deadline), so that merged cells (一、…, (一)…) standing on lines of
     * their own do not shift every row after them. The table ends at an attachment heading or a pipe row.
     */
    private int readStream(TableSource source, TableRowInterpreter rows, Diagnostics diagnostics) {
        CellStream stream = new CellStream(layout, source, rows, lines, diagnostics);
        int i = firstRowIndex;
        while (i < lines.count()) {
            String text = lines.text(i);
            Heading heading = Heading.of(text);
            if ((heading != null && heading.kind() == Heading.Kind.ATTACHMENT) || PipeRow.isRow(text)) {
                break;
            }
            if (!text.isBlank() && !stream.offer(new CellStream.Cell(text.strip(), i, i))) {
                // no row's end in sight: the table ended; what follows is read as the rest of the document
                return Math.max(firstRowIndex, stream.pendingStart() < 0 ? i : stream.pendingStart());
            }
            i++;
        }
        if (i >= lines.count()) {
            stream.finish();
        }
        return i;
    }

    private int readNumberedRows(TableSource source, TableRowInterpreter rows) {
        int i = firstRowIndex;
        while (true) {
            int rowStart = i;
            while (rowStart < lines.count() && lines.text(rowStart).isBlank()) {
                rowStart++;
            }
            if (rowStart >= lines.count() || !RowAligner.isSerial(lines.text(rowStart))) {
                return i;
            }
            List<String> cells = new ArrayList<>();
            cells.add(lines.text(rowStart).strip());
            int next = rowStart + 1;
            while (next < lines.count() && cells.size() < layout.width()
                    && !RowAligner.isSerial(lines.text(next)) && !endsTable(lines.text(next))) {
                cells.add(lines.text(next).strip());
                next++;
            }
            rows.read(source, layout, cells, DocumentLines.number(rowStart), lines.span(rowStart, next - 1));
            i = next;
        }
    }

    private int readGroupedRows(TableSource source, TableRowInterpreter rows) {
        int i = firstRowIndex;
        while (i < lines.count() && !lines.text(i).isBlank() && !endsTable(lines.text(i))) {
            int rowStart = i;
            List<String> cells = new ArrayList<>();
            while (i < lines.count() && cells.size() < layout.width()
                    && !lines.text(i).isBlank() && !endsTable(lines.text(i))) {
                cells.add(lines.text(i).strip());
                i++;
            }
            rows.read(source, layout, cells, DocumentLines.number(rowStart), lines.span(rowStart, i - 1));
        }
        return i;
    }

    private static boolean endsTable(String line) {
        return Heading.of(line) != null || PipeRow.isRow(line);
    }
}
