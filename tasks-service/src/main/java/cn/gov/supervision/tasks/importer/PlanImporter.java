package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.tasks.api.DeadlineData;
import cn.gov.supervision.tasks.api.ImportResult;
import cn.gov.supervision.tasks.api.TaskPatch;
import cn.gov.supervision.tasks.domain.Plan;
import cn.gov.supervision.tasks.domain.Task;
import cn.gov.supervision.tasks.repository.PlanRepository;
import cn.gov.supervision.tasks.repository.TaskRepository;
import cn.gov.supervision.tasks.service.TaskDraft;
import cn.gov.supervision.tasks.service.TaskService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a published work plan: {@link WorkPlanParser} reads it, {@link ImportedUnitNames} resolves its unit names at
 * units-service, then the plan and its tasks are stored in one transaction (or only previewed), and
 * {@link ImportReport} answers. The same document imported again is refused (409), or with {@code replace} updates the
 * existing plan in place, keeping task ids and history where the task code matches.
 */
@ApplicationScoped
public class PlanImporter {

    private final WorkPlanParser parser = new WorkPlanParser();
    private final ImportedUnitNames unitNames;
    private final PlanRepository plans;
    private final TaskRepository tasks;
    private final TaskService taskService;

    public PlanImporter(ImportedUnitNames unitNames, PlanRepository plans, TaskRepository tasks, TaskService taskService) {
        this.unitNames = unitNames;
        this.plans = plans;
        this.tasks = tasks;
        this.taskService = taskService;
    }

    /**
     * @param unitMappings     names as the document writes them → the unit a person says they mean
     * @param rememberAliases  after the import, make each mapped name an alias of its unit at units-service
     */
    public record Options(boolean dryRun, Integer year, boolean createMissingUnits, boolean replace,
                          Map<String, UUID> unitMappings, boolean rememberAliases) {

        public Options {
            unitMappings = unitMappings == null ? Map.of() : Map.copyOf(unitMappings);
        }
    }

    public record Outcome(ImportResult result, boolean stored) {
    }

    public Outcome importDocument(String document, Options options) {
        ParsedPlan parsed = parser.parse(document, options.year());
        List<ImportResult.DiagnosticPart> diagnostics = new ArrayList<>();
        parsed.diagnostics().forEach(d -> diagnostics.add(ImportReport.part(d)));

        Map<String, ImportedUnitNames.Choice> units = unitNames.choose(parsed, options, diagnostics);
        Header header = header(parsed, diagnostics);
        Optional<Plan> existing = header == null ? Optional.empty() : findExisting(header);
        if (existing.isPresent() && !options.replace() && !options.dryRun()) {
            throw ProblemException.conflict("plan-exists", "This document was imported before as plan "
                    + existing.get().id + " (" + existing.get().title + "); import with replace=true to update it");
        }
        boolean canStore = header != null && !parsed.tasks().isEmpty();
        if (options.dryRun() || !canStore) {
            if (!options.dryRun()) {
                throw ProblemException.unprocessable("nothing-to-import", header == null
                        ? "The document names no plan title and year; give ?year= or check the document"
                        : "The document contains no task");
            }
            if (options.rememberAliases()) {
                unitNames.rememberMappedNames(units, true, diagnostics);
            }
            return new Outcome(ImportReport.of(null, header, existing.isPresent(), parsed.tasks(), Map.of(), units,
                    diagnostics), false);
        }
        Map<String, UUID> taskIds = new LinkedHashMap<>();
        UUID planId = QuarkusTransaction.requiringNew().timeout(300).call(() -> {
            Plan plan = existing.map(p -> plans.findById(p.id)).orElseGet(Plan::new);
            store(plan, header, parsed.tasks(), units, taskIds, diagnostics);
            return plan.id;
        });
        if (options.rememberAliases()) {
            unitNames.rememberMappedNames(units, false, diagnostics);
        }
        return new Outcome(ImportReport.of(planId, header, existing.isPresent(), parsed.tasks(), taskIds, units, diagnostics), true);
    }

    record Header(String title, int year, String issuer, String documentIndex, java.time.LocalDate publishedOn) {
    }

    private Header header(ParsedPlan parsed, List<ImportResult.DiagnosticPart> diagnostics) {
        var h = parsed.header();
        if (h.year() == null) {
            diagnostics.add(new ImportResult.DiagnosticPart(0, "ERROR", "NO_YEAR",
                    "the plan's year was not found; give it with ?year=", ""));
            return null;
        }
        String title = h.title() == null || h.title().isBlank() ? h.year() + "年工作要点" : h.title();
        return new Header(ChineseText.clean(title), h.year(), ChineseText.clean(h.issuer()), h.documentIndex(),
                h.publishedOn());
    }

    /** The same document: the same 索引号, or, where it has none, the same title and year. */
    private Optional<Plan> findExisting(Header header) {
        return QuarkusTransaction.requiringNew().call(() -> header.documentIndex() != null
                ? plans.find("documentIndex", header.documentIndex()).firstResultOptional()
                : plans.find("title = ?1 and year = ?2", header.title(), header.year()).firstResultOptional());
    }

    private void store(Plan plan, Header header, List<ParsedTask> parsedTasks, Map<String, ImportedUnitNames.Choice> units,
                       Map<String, UUID> taskIds, List<ImportResult.DiagnosticPart> diagnostics) {
        boolean isNew = plan.id == null;
        if (isNew) {
            plan.id = UUID.randomUUID();
            plan.createdAt = OffsetDateTime.now();
        }
        plan.title = header.title();
        plan.year = header.year();
        plan.issuer = header.issuer();
        plan.documentIndex = header.documentIndex();
        plan.publishedOn = header.publishedOn();
        plan.updatedAt = OffsetDateTime.now();
        if (isNew) {
            plans.persist(plan);
        }
        plans.flush();
        Set<String> codes = new LinkedHashSet<>();
        for (ParsedTask parsed : parsedTasks) {
            codes.add(parsed.code());
            List<UUID> leads = unitIds(parsed.leadUnitNames(), units);
            List<UUID> cos = unitIds(parsed.coUnitNames(), units);
            cos.removeAll(leads);
            DeadlineData deadline = deadline(parsed.deadline());
            Optional<Task> existing = isNew ? Optional.empty() : tasks.findByCode(plan.id, parsed.code());
            Task task;
            if (existing.isPresent()) {
                task = existing.get();
                taskService.applyChanges(task, new TaskPatch(null, parsed.category(), parsed.section(), parsed.title(),
                        parsed.description(), leads, cos, deadline), parsed.originalText());
            } else {
                task = taskService.createInPlan(plan, new TaskDraft(plan.id, parsed.code(), parsed.category(),
                        parsed.section(), parsed.title(), parsed.description(), parsed.originalText(), leads, cos,
                        deadline));
            }
            taskIds.put(parsed.code(), task.id);
        }
        if (!isNew) {
            for (Task kept : tasks.findByPlan(plan.id)) {
                if (!codes.contains(kept.code)) {
                    diagnostics.add(new ImportResult.DiagnosticPart(0, "WARNING", "TASK_NOT_IN_DOCUMENT",
                            "task " + kept.code + " is no longer in the document; it was kept with its history", kept.code));
                }
            }
        }
    }

    private static List<UUID> unitIds(List<String> names, Map<String, ImportedUnitNames.Choice> units) {
        List<UUID> ids = new ArrayList<>();
        for (String name : names) {
            ImportedUnitNames.Choice choice = units.get(name);
            if (choice != null && choice.unitId() != null && !ids.contains(choice.unitId())) {
                ids.add(choice.unitId());
            }
        }
        return ids;
    }

    static DeadlineData deadline(ParsedDeadline parsed) {
        return new DeadlineData(parsed.text(), parsed.kind(), parsed.dueDate(), parsed.recurrence());
    }
}
