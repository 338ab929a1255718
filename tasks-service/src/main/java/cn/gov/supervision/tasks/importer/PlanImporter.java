package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.tasks.api.DeadlineData;
import cn.gov.supervision.tasks.api.ImportResult;
import cn.gov.supervision.tasks.api.TaskPatch;
import cn.gov.supervision.tasks.client.UnitsClient;
import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.Plan;
import cn.gov.supervision.tasks.domain.Task;
import cn.gov.supervision.tasks.importer.Diagnostic;
import cn.gov.supervision.tasks.importer.ParsedDeadline;
import cn.gov.supervision.tasks.importer.ParsedPlan;
import cn.gov.supervision.tasks.importer.ParsedTask;
import cn.gov.supervision.tasks.importer.WorkPlanParser;
import cn.gov.supervision.tasks.repository.PlanRepository;
import cn.gov.supervision.tasks.repository.TaskRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads a published work plan and stores it as a plan with tasks: parse, resolve every unit name with units-service
 * (creating the unknown ones when asked), then store plan and tasks in one transaction, or show the preview only.
 * The same document imported again is refused (409), or with {@code replace} updates the existing plan in place,
 * keeping task ids and history where the task code matches.
 */
@ApplicationScoped
public class PlanImporter {

    /** Enough to show what went wrong with any document; a garbage upload must not produce a garbage-sized answer. */
    private static final int MAX_DIAGNOSTICS = 500;

    private final WorkPlanParser parser = new WorkPlanParser();
    private final UnitNameResolution unitNames;
    private final PlanRepository plans;
    private final TaskRepository tasks;
    private final TaskService taskService;

    public PlanImporter(UnitNameResolution unitNames, PlanRepository plans, TaskRepository tasks, TaskService taskService) {
        this.unitNames = unitNames;
        this.plans = plans;
        this.tasks = tasks;
        this.taskService = taskService;
    }

    public record Options(boolean dryRun, Integer year, boolean createMissingUnits, boolean replace) {
    }

    public record Outcome(ImportResult result, boolean stored) {
    }

    public Outcome importDocument(String document, Options options) {
        ParsedPlan parsed = parser.parse(document, options.year());
        List<ImportResult.DiagnosticPart> diagnostics = new ArrayList<>();
        parsed.diagnostics().forEach(d -> diagnostics.add(part(d)));

        Map<String, UnitChoice> units = resolveUnits(parsed, options, diagnostics);
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
            return new Outcome(result(null, header, existing.isPresent(), parsed.tasks(), Map.of(), units,
                    diagnostics), false);
        }
        Map<String, UUID> taskIds = new LinkedHashMap<>();
        UUID planId = QuarkusTransaction.requiringNew().timeout(300).call(() -> {
            Plan plan = existing.map(p -> plans.findById(p.id)).orElseGet(Plan::new);
            store(plan, header, parsed.tasks(), units, taskIds, diagnostics);
            return plan.id;
        });
        return new Outcome(result(planId, header, existing.isPresent(), parsed.tasks(), taskIds, units, diagnostics), true);
    }

    private record Header(String title, int year, String issuer, String documentIndex, java.time.LocalDate publishedOn) {
    }

    private record UnitChoice(String status, UUID unitId, String unitName) {
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

    private Map<String, UnitChoice> resolveUnits(ParsedPlan parsed, Options options,
                                                 List<ImportResult.DiagnosticPart> diagnostics) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (ParsedTask task : parsed.tasks()) {
            for (String name : concat(task.leadUnitNames(), task.coUnitNames())) {
                names.add(name);
                firstLine.putIfAbsent(name, task.line());
            }
        }
        Map<String, UnitChoice> choices = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return choices;
        }
        Map<String, UnitsClient.Resolution> resolutions = unitNames.resolve(new ArrayList<>(names));
        for (String name : names) {
            UnitsClient.Resolution resolution = resolutions.get(name);
            if (resolution.resolved()) {
                choices.put(name, new UnitChoice("RESOLVED", resolution.unit().id(), resolution.unit().name()));
                continue;
            }
            if (options.createMissingUnits() && !options.dryRun() && "UNRESOLVED".equals(resolution.status())) {
                UnitsClient.RemoteUnit created = unitNames.create(ChineseText.clean(name));
                choices.put(name, new UnitChoice("CREATED", created.id(), created.name()));
                diagnostics.add(new ImportResult.DiagnosticPart(firstLine.get(name), "INFO", "UNIT_CREATED",
                        "created unit " + created.code() + " for '" + name + "'; review it in units-service", name));
                continue;
            }
            choices.put(name, new UnitChoice(resolution.status(), null, null));
            String candidates = resolution.candidates() == null ? "" : resolution.candidates().stream()
                    .map(UnitsClient.RemoteUnit::name).limit(5).reduce((a, b) -> a + "、" + b).orElse("");
            diagnostics.add(new ImportResult.DiagnosticPart(firstLine.get(name), "WARNING",
                    "AMBIGUOUS".equals(resolution.status()) ? "AMBIGUOUS_UNIT" : "UNRESOLVED_UNIT",
                    "'" + name + "' is not a known unit" + (candidates.isEmpty() ? "" : "; closest: " + candidates)
                            + "; the task is imported without it", name));
        }
        return choices;
    }

    private void store(Plan plan, Header header, List<ParsedTask> parsedTasks, Map<String, UnitChoice> units,
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

    private static List<UUID> unitIds(List<String> names, Map<String, UnitChoice> units) {
        List<UUID> ids = new ArrayList<>();
        for (String name : names) {
            UnitChoice choice = units.get(name);
            if (choice != null && choice.unitId() != null && !ids.contains(choice.unitId())) {
                ids.add(choice.unitId());
            }
        }
        return ids;
    }

    static DeadlineData deadline(ParsedDeadline parsed) {
        return new DeadlineData(parsed.text(), parsed.kind(), parsed.dueDate(), parsed.recurrence());
    }

    private ImportResult result(UUID planId, Header header, boolean replaced, List<ParsedTask> parsedTasks,
                                Map<String, UUID> taskIds, Map<String, UnitChoice> units,
                                List<ImportResult.DiagnosticPart> diagnostics) {
        List<ImportResult.TaskPart> taskParts = parsedTasks.stream().map(t -> new ImportResult.TaskPart(
                taskIds.get(t.code()), t.code(), t.category().name(), t.section(), t.title(), t.description(),
                unitParts(t.leadUnitNames(), units), unitParts(t.coUnitNames(), units), deadline(t.deadline()),
                t.originalText(), t.line())).toList();
        Map<String, Integer> byCategory = new TreeMap<>();
        parsedTasks.forEach(t -> byCategory.merge(t.category().name(), 1, Integer::sum));
        int unresolved = (int) units.values().stream().filter(u -> u.unitId() == null).count();
        int created = (int) units.values().stream().filter(u -> "CREATED".equals(u.status())).count();
        int undated = (int) parsedTasks.stream().filter(t -> t.deadline().dueDate() == null
                && t.deadline().kind() != DeadlineKind.ONGOING && t.deadline().kind() != DeadlineKind.RECURRING).count();
        List<ImportResult.DiagnosticPart> shown = diagnostics.size() <= MAX_DIAGNOSTICS ? diagnostics
                : withTruncationNote(diagnostics);
        ImportResult.PlanPart plan = header == null ? null : new ImportResult.PlanPart(planId, header.title(),
                header.year(), header.issuer(), header.documentIndex(), header.publishedOn(), replaced && planId != null);
        return new ImportResult(plan, taskParts, shown,
                new ImportResult.Summary(parsedTasks.size(), byCategory, unresolved, undated, created));
    }

    private static List<ImportResult.DiagnosticPart> withTruncationNote(List<ImportResult.DiagnosticPart> all) {
        List<ImportResult.DiagnosticPart> shown = new ArrayList<>(all.subList(0, MAX_DIAGNOSTICS));
        shown.add(new ImportResult.DiagnosticPart(0, "INFO", "DIAGNOSTICS_TRUNCATED",
                (all.size() - MAX_DIAGNOSTICS) + " more diagnostics are not shown", ""));
        return shown;
    }

    private static List<ImportResult.UnitPart> unitParts(List<String> names, Map<String, UnitChoice> units) {
        return names.stream().map(name -> {
            UnitChoice choice = Objects.requireNonNullElse(units.get(name), new UnitChoice("UNRESOLVED", null, null));
            return new ImportResult.UnitPart(name, choice.status(), choice.unitId(), choice.unitName());
        }).toList();
    }

    private static ImportResult.DiagnosticPart part(Diagnostic d) {
        return new ImportResult.DiagnosticPart(d.line(), d.severity().name(), d.code(), d.message(), d.text());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
