package cn.gov.supervision.tasks.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the importer understood of a document, and, unless it was a dry run, what it stored: the plan, every task
 * with its units (resolved or not) and deadline, and diagnostics for everything it could not take as written.
 */
public record ImportResult(PlanPart plan, List<TaskPart> tasks, List<DiagnosticPart> diagnostics, Summary summary) {

    /** {@code id} is null in a dry run; {@code replaced} says an existing plan was updated in place. */
    public record PlanPart(UUID id, String title, Integer year, String issuer, String documentIndex,
                           LocalDate publishedOn, boolean replaced) {
    }

    /** {@code id} is null in a dry run. */
    public record TaskPart(UUID id, String code, String category, String section, String title, String description,
                           List<UnitPart> leadUnits, List<UnitPart> coUnits, DeadlineData deadline, String originalText,
                           int line) {
    }

    /**
     * A unit as the document names it, and what it resolved to: {@code status} RESOLVED, MAPPED (by the request's
     * unitMapping), CREATED, WOULD_CREATE (a dry run with createMissingUnits: {@code unitName} is the name it would
     * get), AMBIGUOUS or UNRESOLVED.
     */
    public record UnitPart(String name, String status, UUID unitId, String unitName) {
    }

    public record DiagnosticPart(int line, String severity, String code, String message, String text) {
    }

    public record Summary(int tasks, Map<String, Integer> byCategory, int unresolvedUnits, int undatedTasks,
                          int createdUnits) {
    }
}
