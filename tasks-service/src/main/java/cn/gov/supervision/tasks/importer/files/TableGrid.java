package cn.gov.supervision.tasks.importer.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table with merged cells, laid out as the text reader reads tables: one line per row, cells between pipes, in the
 * columns of the header. Files merge cells two ways, and each is written out as what it means for the rows:
 * <ul>
 * <li>a cell merged down over several rows (HTML {@code rowspan}, Word {@code vMerge}, a merged Excel region) holds
 * the value of each of those rows: one lead unit or one deadline for three tasks. Its text is repeated in every row,
 * so that each task gets it;</li>
 * <li>a cell merged across columns ({@code colspan}, {@code gridSpan}) is written once, followed by empty cells, so
 * that the cells after it stay under their header. A row that is one cell across the whole table (a title or a
 * heading inside the table) is written as a line of text, not as a row.</li>
 * </ul>
 */
final class TableGrid {

    private final TextLines out;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Integer> widestCellOfRow = new ArrayList<>();
    private final Map<Integer, Pending> mergedDown = new HashMap<>();
    private final Map<Integer, String> lastTextAtColumn = new HashMap<>();
    private List<String> row;
    private int widestCell;

    private record Pending(String text, int colSpan, int rowsLeft) {
    }

    TableGrid(TextLines out) {
        this.out = out;
    }

    void startRow() {
        row = new ArrayList<>();
        widestCell = 0;
    }

    /** A cell at the next free column, spanning {@code colSpan} columns and {@code rowSpan} rows (HTML, Excel). */
    void cell(String text, int colSpan, int rowSpan) {
        fillMergedDown();
        int column = row.size();
        place(text, colSpan);
        if (rowSpan > 1) {
            mergedDown.put(column, new Pending(text, Math.max(1, colSpan), rowSpan - 1));
        }
    }

    /**
     * A cell at a known column (a PDF's cells are placed by their borders): the columns before it that no cell
     * fills, an empty cell drawn without text, stay empty.
     */
    void cellAt(int column, String text, int colSpan, int rowSpan) {
        fillMergedDown();
        while (row.size() < column) {
            place("", 1);
            fillMergedDown();
        }
        cell(text, colSpan, rowSpan);
    }

    /** A cell that continues the one above it at this column (Word's {@code <w:vMerge/>}). */
    void continuedCell(int colSpan) {
        place(lastTextAtColumn.getOrDefault(row.size(), ""), colSpan);
    }

    void endRow() {
        fillMergedDown();
        while (!mergedDown.isEmpty() && mergedDown.keySet().stream().anyMatch(c -> c >= row.size())) {
            int before = row.size();
            fillMergedDown();
            if (row.size() == before) {
                place("", 1);
            }
        }
        rows.add(row);
        widestCellOfRow.add(widestCell);
    }

    /**
     * Takes on the rows of the same table's part on the next page. Word processors repeat a long table's header row
     * at the top of every page: a first row equal to this table's first is that header again, not a task, and is
     * dropped. A row cut by the page break leaves its rest at the top of that page (under the repeated header), with
     * an empty first cell: that rest is joined to the row it continues.
     */
    void continueWith(TableGrid next) {
        int from = 0;
        if (!rows.isEmpty() && !next.rows.isEmpty() && next.rows.get(0).equals(rows.get(0))) {
            from = 1;
        }
        if (!rows.isEmpty() && next.rows.size() > from && !next.rows.get(from).isEmpty()
                && next.rows.get(from).get(0).isBlank()) {
            List<String> cut = rows.get(rows.size() - 1);
            List<String> rest = next.rows.get(from);
            for (int i = 0; i < rest.size(); i++) {
                if (i < cut.size()) {
                    cut.set(i, cut.get(i) + rest.get(i));
                } else {
                    cut.add(rest.get(i));
                }
            }
            from++;
        }
        for (int i = from; i < next.rows.size(); i++) {
            rows.add(next.rows.get(i));
            widestCellOfRow.add(next.widestCellOfRow.get(i));
        }
    }

    /** Writes the table out; call once, after its last row. */
    void finish() {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (width <= 1 || widestCellOfRow.get(i) >= width) {
                out.line(cells.get(0));
            } else {
                out.row(cells);
            }
        }
    }

    private void place(String text, int colSpan) {
        int span = Math.max(1, colSpan);
        out.countCells(span);
        int column = row.size();
        row.add(text);
        lastTextAtColumn.put(column, text);
        for (int i = 1; i < span; i++) {
            row.add("");
            lastTextAtColumn.put(column + i, "");
        }
        widestCell = Math.max(widestCell, span);
    }

    /** The cells merged down from rows above that occupy the next columns of this row. */
    private void fillMergedDown() {
        Pending pending;
        while ((pending = mergedDown.remove(row.size())) != null) {
            int column = row.size();
            place(pending.text(), pending.colSpan());
            if (pending.rowsLeft() > 1) {
                mergedDown.put(column, new Pending(pending.text(), pending.colSpan(), pending.rowsLeft() - 1));
            }
        }
    }
}
