package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.problem.ProblemException;

import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code sort=field,asc|desc} of GET /tasks into an SQL ORDER BY over columns of task t. Only the fields listed
 * here can appear, so nothing a client sends reaches the SQL; ties are broken by code, then id, so pages are stable.
 */
final class TaskSort {

    private static final Map<String, String> COLUMNS = Map.of(
            "duedate", "t.due_date",
            "nextduedate", "t.next_due_date",
            "code", "t.code",
            "title", "t.title",
            "status", "t.status",
            "createdat", "t.created_at",
            "updatedat", "t.updated_at");

    private TaskSort() {
    }

    static String parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return "t.due_date ASC NULLS LAST, t.code, t.id";
        }
        String[] parts = sort.split(",", -1);
        String column = COLUMNS.get(parts[0].strip().toLowerCase(Locale.ROOT));
        if (column == null || parts.length > 2) {
            throw ProblemException.invalidField("sort", "must be one of dueDate, nextDueDate, code, title, status, "
                    + "createdAt, updatedAt, optionally with ,asc or ,desc");
        }
        String direction = switch (parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc") {
            case "asc" -> "ASC";
            case "desc" -> "DESC";
            default -> throw ProblemException.invalidField("sort", "direction must be asc or desc");
        };
        return column + " " + direction + " NULLS LAST" + (column.equals("t.code") ? "" : ", t.code") + ", t.id";
    }
}
