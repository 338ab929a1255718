package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.problem.ProblemException;
import io.quarkus.panache.common.Sort;

import java.util.Locale;
import java.util.Map;

/** Parses {@code sort=field,asc|desc} of GET /tasks into a sort over indexed columns, ties broken by code. */
final class TaskSort {

    private static final Map<String, String> FIELDS = Map.of(
            "duedate", "dueDate",
            "nextduedate", "nextDueDate",
            "code", "code",
            "title", "title",
            "status", "status",
            "createdat", "createdAt",
            "updatedat", "updatedAt");

    private TaskSort() {
    }

    static Sort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("dueDate", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("code");
        }
        String[] parts = sort.split(",", -1);
        String field = FIELDS.get(parts[0].strip().toLowerCase(Locale.ROOT));
        if (field == null || parts.length > 2) {
            throw ProblemException.invalidField("sort", "must be one of " + FIELDS.values() + ", optionally with ,asc or ,desc");
        }
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        Sort.Direction dir = switch (direction) {
            case "asc" -> Sort.Direction.Ascending;
            case "desc" -> Sort.Direction.Descending;
            default -> throw ProblemException.invalidField("sort", "direction must be asc or desc");
        };
        Sort result = Sort.by(field, dir, Sort.NullPrecedence.NULLS_LAST);
        return field.equals("code") ? result : result.and("code");
    }
}
