package cn.gov.supervision.tasks.importer;

import java.util.ArrayList;
import java.util.List;

/** A table row as web pages copy it: cells between pipes, {@code 1 | 任务 | 单位 | 9月底前 |}. */
final class PipeRow {

    /** More cells than any plan's table has: such a line is not a row, and splitting it would only cost memory. */
    private static final int MOST_CELLS = 40;

    private PipeRow() {
    }

    /** The row's trimmed cells, or null when the line is not a pipe row (fewer than two pipes, or too many cells). */
    static List<String> cells(String line) {
        return cells(line, 2);
    }

    /**
     * The row's trimmed cells, or null when the line has fewer pipes than {@code fewestPipes} or too many cells. Inside
     * a table one pipe is enough ({@code 1 | 做好…工作} has lost its last cells); elsewhere it takes two to tell a row
     * from a sentence that happens to hold a pipe.
     */
    static List<String> cells(String line, int fewestPipes) {
        String row = line.strip();
        int from = row.startsWith("|") ? 1 : 0;
        int to = row.endsWith("|") && row.length() > from ? row.length() - 1 : row.length();
        int pipes = 0;
        for (int i = row.indexOf('|'); i >= 0; i = row.indexOf('|', i + 1)) {
            if (++pipes > MOST_CELLS) {
                return null;
            }
        }
        if (pipes < Math.max(1, fewestPipes)) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        int cellStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || row.charAt(i) == '|') {
                cells.add(row.substring(cellStart, i).strip());
                cellStart = i + 1;
            }
        }
        return cells;
    }

    static boolean isRow(String line) {
        return line.indexOf('|') >= 0 && cells(line) != null;
    }

    /** Whether the row opens with a pipe, {@code | 索引号: | …}, rather than with its first cell. */
    static boolean opensWithPipe(String line) {
        return line.strip().startsWith("|");
    }
}
