package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.api.ImportResult;
import cn.gov.supervision.tasks.domain.DeadlineKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** The importer's answer: what it understood of the document, what it stored, and what it could not take as written. */
final class ImportReport {

    /** Enough to show what went wrong with any document; a garbage upload must not produce a garbage-sized answer. */
    private static final int MAX_DIAGNOSTICS = 500;

    private ImportReport() {
    }

    /** {@code planId} and {@code taskIds} are empty in a dry run. */
    static ImportResult of(UUID planId, PlanImporter.Header header, boolean replaced, List<ParsedTask> parsedTasks,
                           Map<String, UUID> taskIds, Map<String, ImportedUnitNames.Choice> units,
                           List<ImportResult.DiagnosticPart> diagnostics) {
        List<ImportResult.TaskPart> taskParts = parsedTasks.stream().map(t -> new ImportResult.TaskPart(
                taskIds.get(t.code()), t.code(), t.category().name(), t.section(), t.title(), t.description(),
                unitParts(t.leadUnitNames(), units), unitParts(t.coUnitNames(), units),
                PlanImporter.deadline(t.deadline()), t.originalText(), t.line())).toList();
        Map<String, Integer> byCategory = new TreeMap<>();
        parsedTasks.forEach(t -> byCategory.merge(t.category().name(), 1, Integer::sum));
        int unresolved = (int) units.values().stream().filter(u -> u.unitId() == null && !u.created()).count();
        int created = (int) units.values().stream().filter(ImportedUnitNames.Choice::created).count();
        int undated = (int) parsedTasks.stream().filter(t -> t.deadline().dueDate() == null
                && t.deadline().kind() != DeadlineKind.ONGOING && t.deadline().kind() != DeadlineKind.RECURRING).count();
        List<ImportResult.DiagnosticPart> shown = diagnostics.size() <= MAX_DIAGNOSTICS ? diagnostics
                : withTruncationNote(diagnostics);
        ImportResult.PlanPart plan = header == null ? null : new ImportResult.PlanPart(planId, header.title(),
                header.year(), header.issuer(), header.documentIndex(), header.publishedOn(), replaced && planId != null);
        return new ImportResult(plan, taskParts, shown,
                new ImportResult.Summary(parsedTasks.size(), byCategory, unresolved, undated, created));
    }

    static ImportResult.DiagnosticPart part(Diagnostic d) {
        return new ImportResult.DiagnosticPart(d.line(), d.severity().name(), d.code(), d.message(), d.text());
    }

    private static List<ImportResult.DiagnosticPart> withTruncationNote(List<ImportResult.DiagnosticPart> all) {
        List<ImportResult.DiagnosticPart> shown = new ArrayList<>(all.subList(0, MAX_DIAGNOSTICS));
        shown.add(new ImportResult.DiagnosticPart(0, "INFO", "DIAGNOSTICS_TRUNCATED",
                (all.size() - MAX_DIAGNOSTICS) + " more diagnostics are not shown", ""));
        return shown;
    }

    private static List<ImportResult.UnitPart> unitParts(List<String> names, Map<String, ImportedUnitNames.Choice> units) {
        return names.stream().map(name -> {
            ImportedUnitNames.Choice choice = Objects.requireNonNullElse(units.get(name),
                    new ImportedUnitNames.Choice("UNRESOLVED", null, null));
            return new ImportResult.UnitPart(name, choice.status(), choice.unitId(), choice.unitName());
        }).toList();
    }
}
