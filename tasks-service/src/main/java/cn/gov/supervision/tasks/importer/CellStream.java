package cn.gov.supervision.tasks.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A table copied with one cell after another and nothing marking where a row ends: one cell per line, or cells
 * between lines holding only {@code |}. Rows have different numbers of cells (merged cells, a 序号 without header), so
 * a row ends at the cell that holds what the header's last column holds (its units, or its deadline), and is then
 * lined up with the header by {@link RowAligner}. Cells are offered one at a time; a run of more cells than a few rows
 * hold without such a cell means the table has ended. A run left over when the document ends is a row the copy cut off:
 * reported, not imported. A header repeated after a page break is skipped.
 */
final class CellStream {

    /** A cell's text and the 0-based lines it spans. */
    record Cell(String text, int firstLine, int lastLine) {
    }

    private final TableLayout layout;
    private final TableSource source;
    private final TableRowInterpreter rows;
    private final DocumentLines lines;
    private final Diagnostics diagnostics;
    private final RowAligner aligner;
    private final int mostCellsInARow;
    private final List<Cell> row = new ArrayList<>();

    CellStream(TableLayout layout, TableSource source, TableRowInterpreter rows, DocumentLines lines,
               Diagnostics diagnostics) {
        this.layout = layout;
        this.source = source;
        this.rows = rows;
        this.lines = lines;
        this.diagnostics = diagnostics;
        this.aligner = new RowAligner(layout);
        this.mostCellsInARow = 2 * layout.width() + 4;
    }

    /**
     * Takes the next cell; false when the table has ended before it (too many cells without a row's end), in which
     * case the cells not yet in a row are given back: {@link #pendingStart()} says from which line.
     */
    boolean offer(Cell cell) {
        if (row.isEmpty() && (cell.text().isBlank() || Column.isColumnName(cell.text()))) {
            return true;
        }
        row.add(cell);
        if (row.size() >= 2 && aligner.closesRow(cell.text())) {
            List<String> texts = row.stream().map(Cell::text).toList();
            rows.read(source, layout, aligner.align(texts), DocumentLines.number(row.get(0).firstLine()),
                    lines.span(row.get(0).firstLine(), cell.lastLine()));
            row.clear();
        }
        return row.size() <= mostCellsInARow && !rows.stopped();
    }

    /** The first line of the cells not yet in a row; -1 when there are none. */
    int pendingStart() {
        return row.isEmpty() ? -1 : row.get(0).firstLine();
    }

    /** The document has ended: a row begun and not finished was cut off by the copy. */
    void finish() {
        if (row.stream().anyMatch(cell -> TextForms.hasContent(cell.text()))) {
            Cell first = row.get(0);
            diagnostics.warning(DocumentLines.number(first.firstLine()), "PARTIAL_ROW",
                    "the table's last row stops before its units or deadline: the copy seems cut off here; the row "
                            + "was not imported", lines.span(first.firstLine(), row.get(row.size() - 1).lastLine()));
        }
        row.clear();
    }
}
