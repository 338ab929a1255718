package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.TaskCategory;

import java.util.List;

/**
 * Which column of a table holds what, read from its header row; columns are found by name, never by position.
 *
 * @param columns one entry per header cell, OTHER for a column the parser does not use
 */
record TableLayout(List<Column> columns) {

    /**
     * The layout a header row gives, or null when the cells are not a task table's header: one needs a task or name
     * column and at least one column saying who or when.
     */
    static TableLayout recognize(List<String> headerCells) {
        List<Column> columns = headerCells.stream().map(Column::named).toList();
        boolean saysWhat = columns.contains(Column.TASK) || columns.contains(Column.NAME);
        boolean saysWhoOrWhen = columns.contains(Column.LEAD) || columns.contains(Column.CO)
                || columns.contains(Column.DEADLINE) || columns.contains(Column.DISTRICT);
        return saysWhat && saysWhoOrWhen ? new TableLayout(columns) : null;
    }

    int width() {
        return columns.size();
    }

    boolean has(Column column) {
        return columns.contains(column);
    }

    /** A row's cell in the first column of this kind; "" when the table has no such column or the row lacks it. */
    String cell(List<String> cells, Column column) {
        int index = columns.indexOf(column);
        return index < 0 || index >= cells.size() ? "" : cells.get(index);
    }

    /** A row's first non-blank cell among the columns of this kind: where 工作任务 groups rows, it names the task. */
    String firstFilledCell(List<String> cells, Column column) {
        for (int i = 0; i < Math.min(columns.size(), cells.size()); i++) {
            if (columns.get(i) == column && !cells.get(i).isBlank()) {
                return cells.get(i);
            }
        }
        return "";
    }

    /**
     * A row's last non-blank cell among the columns of this kind: where 工作任务 groups rows and 具体要求 states each
     * task, the task is the latter.
     */
    String lastFilledCell(List<String> cells, Column column) {
        for (int i = Math.min(columns.size(), cells.size()) - 1; i >= 0; i--) {
            if (columns.get(i) == column && !cells.get(i).isBlank()) {
                return cells.get(i);
            }
        }
        return "";
    }

    /** The category the columns suggest when the table's heading does not say: a district column marks projects. */
    TaskCategory categoryByColumns() {
        if (has(Column.DISTRICT)) {
            return TaskCategory.INNOVATION_PROJECT;
        }
        return has(Column.NAME) && has(Column.TASK) ? TaskCategory.ACTION : TaskCategory.KEY_TASK;
    }
}
