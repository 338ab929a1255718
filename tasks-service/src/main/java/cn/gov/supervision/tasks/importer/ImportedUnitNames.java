package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.tasks.api.ImportResult;
import cn.gov.supervision.tasks.client.UnitsClient;
import cn.gov.supervision.tasks.domain.UnitRef;
import cn.gov.supervision.tasks.repository.UnitRefRepository;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The unit names of an imported document at units-service, which owns them: asks what they denote (units-service's
 * UnitNameResolver reads each name, brackets and all), and creates the ones it does not know when the importer is
 * told to. Created units are active (so tasks can be assigned to them at once) and carry a code starting
 * with {@code imported-}, which is how a reviewer finds them (GET /api/v1/units?q=… or by code).
 */
@ApplicationScoped
public class ImportedUnitNames {

    /**
     * What a name of the document stands for: {@code status} RESOLVED, MAPPED (a person said which unit),
     * CREATED, WOULD_CREATE (a dry run with createMissingUnits), AMBIGUOUS or UNRESOLVED.
     */
    record Choice(String status, UUID unitId, String unitName) {

        boolean created() {
            return "CREATED".equals(status) || "WOULD_CREATE".equals(status);
        }
    }

    private static final Logger LOG = Logger.getLogger(ImportedUnitNames.class);
    private static final int BATCH = 500;

    private final UnitsClient units;
    private final UnitRefRepository unitRefs;

    public ImportedUnitNames(@RestClient UnitsClient units, UnitRefRepository unitRefs) {
        this.units = units;
        this.unitRefs = unitRefs;
    }

    /**
     * Every unit name of the plan's tasks: the unit a person mapped it to, else what units-service resolves it to, else
     * (with {@code createMissingUnits}) a unit created there, or in a dry run one that would be; a name that stays
     * without a unit gets a warning diagnostic at the first line that names it. Nothing is written in a dry run.
     */
    Map<String, Choice> choose(ParsedPlan parsed, PlanImporter.Options options, List<ImportResult.DiagnosticPart> diagnostics) {
        Map<String, Integer> firstLine = namesWithFirstLine(parsed);
        Map<String, Choice> choices = new LinkedHashMap<>();
        Map<String, UnitRef> mapped = mappedUnits(options.unitMappings());
        Set<String> usedMappings = new HashSet<>();
        List<String> toResolve = new ArrayList<>();
        for (String name : firstLine.keySet()) {
            UnitRef unit = mapped.get(mappingKey(name));
            if (unit == null) {
                toResolve.add(name);
                continue;
            }
            usedMappings.add(mappingKey(name));
            choices.put(name, new Choice("MAPPED", unit.id, unit.name));
        }
        Map<String, UnitsClient.Resolution> resolutions = toResolve.isEmpty() ? Map.of() : resolve(toResolve);
        for (String name : toResolve) {
            UnitsClient.Resolution resolution = resolutions.get(name);
            if (resolution.resolved()) {
                choices.put(name, new Choice("RESOLVED", resolution.unit().id(), resolution.unit().name()));
            } else if (options.createMissingUnits() && "UNRESOLVED".equals(resolution.status())) {
                choices.put(name, createOrForesee(name, options.dryRun(), firstLine.get(name), diagnostics));
            } else {
                choices.put(name, new Choice(resolution.status(), null, null));
                diagnostics.add(unresolved(name, resolution, firstLine.get(name)));
            }
        }
        options.unitMappings().keySet().stream().filter(written -> !usedMappings.contains(mappingKey(written)))
                .forEach(written -> diagnostics.add(new ImportResult.DiagnosticPart(0, "WARNING", "MAPPING_UNUSED",
                        "the document names no unit '" + written + "'; its mapping was not used", written)));
        return choices;
    }

    /**
     * After a stored import: the names a person mapped become aliases of their units at units-service, so the next
     * document that writes them resolves by itself. In a dry run, says which would be remembered.
     */
    void rememberMappedNames(Map<String, Choice> choices, boolean dryRun, List<ImportResult.DiagnosticPart> diagnostics) {
        choices.forEach((name, choice) -> {
            if (!"MAPPED".equals(choice.status())) {
                return;
            }
            if (dryRun) {
                diagnostics.add(new ImportResult.DiagnosticPart(0, "INFO", "ALIAS_WOULD_BE_REMEMBERED",
                        "'" + name + "' would become an alias of " + choice.unitName(), name));
                return;
            }
            String refusal = addAlias(choice.unitId(), ChineseText.clean(name));
            diagnostics.add(refusal == null
                    ? new ImportResult.DiagnosticPart(0, "INFO", "ALIAS_REMEMBERED",
                    "'" + name + "' is now an alias of " + choice.unitName(), name)
                    // the plan is stored already: a refusal is reported, the import is not undone for it
                    : new ImportResult.DiagnosticPart(0, "WARNING", "ALIAS_NOT_REMEMBERED",
                    "'" + name + "' was not remembered as an alias of " + choice.unitName() + ": " + refusal, name));
        });
    }

    /** Null when units-service took the alias, else why not, in its words where it gave them. */
    private String addAlias(UUID unitId, String alias) {
        try {
            units.addAlias(unitId, new UnitsClient.NewAlias(alias));
            return null;
        } catch (ProcessingException e) {
            LOG.warn("units-service is unreachable", e);
            return "units-service cannot be reached";
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 403) {
                return "remembering names needs units:write";
            }
            try {
                String detail = e.getResponse().readEntity(com.fasterxml.jackson.databind.JsonNode.class).path("detail").asText("");
                return detail.isEmpty() ? "units-service answered " + status : detail;
            } catch (RuntimeException unreadable) {
                return "units-service answered " + status;
            }
        }
    }

    private static Map<String, Integer> namesWithFirstLine(ParsedPlan parsed) {
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (ParsedTask task : parsed.tasks()) {
            for (String name : Stream.concat(task.leadUnitNames().stream(), task.coUnitNames().stream()).toList()) {
                firstLine.putIfAbsent(name, task.line());
            }
        }
        return firstLine;
    }

    /** A mapping names the unit by id; it must be a unit this service knows (from units.events). */
    private Map<String, UnitRef> mappedUnits(Map<String, UUID> mappings) {
        if (mappings.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UnitRef> known = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> unitRefs.findByIds(mappings.values()).forEach(u -> known.put(u.id, u)));
        Map<String, UnitRef> byKey = new HashMap<>();
        mappings.forEach((written, unitId) -> {
            UnitRef unit = known.get(unitId);
            if (unit == null) {
                throw ProblemException.unprocessable("unknown-unit", "unitMapping " + written + "=" + unitId
                        + ": no unit has this id");
            }
            byKey.put(mappingKey(written), unit);
        });
        return byKey;
    }

    private static String mappingKey(String name) {
        return ChineseText.matchKey(ChineseText.clean(name));
    }

    private Choice createOrForesee(String name, boolean dryRun, int line, List<ImportResult.DiagnosticPart> diagnostics) {
        String cleaned = ChineseText.clean(name);
        if (dryRun) {
            diagnostics.add(new ImportResult.DiagnosticPart(line, "INFO", "UNIT_WOULD_BE_CREATED",
                    "unit " + codeFor(cleaned) + " (" + kindOf(cleaned) + ") would be created for '" + name + "'", name));
            return new Choice("WOULD_CREATE", null, cleaned);
        }
        UnitsClient.RemoteUnit created = create(cleaned);
        diagnostics.add(new ImportResult.DiagnosticPart(line, "INFO", "UNIT_CREATED",
                "created unit " + created.code() + " for '" + name + "'; review it in units-service", name));
        return new Choice("CREATED", created.id(), created.name());
    }

    private static ImportResult.DiagnosticPart unresolved(String name, UnitsClient.Resolution resolution, int line) {
        String candidates = resolution.candidates() == null ? "" : resolution.candidates().stream()
                .map(UnitsClient.RemoteUnit::name).limit(5).reduce((a, b) -> a + "、" + b).orElse("");
        return new ImportResult.DiagnosticPart(line, "WARNING",
                "AMBIGUOUS".equals(resolution.status()) ? "AMBIGUOUS_UNIT" : "UNRESOLVED_UNIT",
                "'" + name + "' is not a known unit" + (candidates.isEmpty() ? "" : "; closest: " + candidates)
                        + "; the task is imported without it (map it with unitMapping=" + name + "=<unit id>)", name);
    }

    private Map<String, UnitsClient.Resolution> resolve(List<String> names) {
        Map<String, UnitsClient.Resolution> resolutions = new LinkedHashMap<>();
        for (int from = 0; from < names.size(); from += BATCH) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + BATCH));
            List<UnitsClient.Resolution> results = call(() -> units.resolve(new UnitsClient.ResolveRequest(batch))).results();
            for (int i = 0; i < batch.size(); i++) {
                resolutions.put(batch.get(i), results.get(i));
            }
        }
        return resolutions;
    }

    /** Creates a unit for a name units-service does not know, and makes it known here at once. */
    private UnitsClient.RemoteUnit create(String name) {
        UnitsClient.RemoteUnit created = call(() -> units.create(new UnitsClient.NewUnit(codeFor(name), name, kindOf(name))));
        remember(created);
        return created;
    }

    /**
     * The read model learns of new units from units.events a moment later; tasks are assigned now, so the unit is
     * recorded from units-service's answer (the event will bring the same state again).
     */
    void remember(UnitsClient.RemoteUnit created) {
        QuarkusTransaction.requiringNew().run(() -> unitRefs.insertUnlessKnown(created.id(), created.code(),
                created.name(), created.kind(), created.membership(), created.active(), created.version()));
    }

    /** The kind a name suggests; a reviewer can correct it in units-service. */
    static String kindOf(String name) {
        if (name.startsWith("各") || name.contains("各部门") || name.contains("有关部门")) {
            return "GROUP";
        }
        if (name.endsWith("政府") || name.endsWith("管委会")) {
            return "DISTRICT_GOVERNMENT";
        }
        if (name.endsWith("公司") || name.endsWith("集团")) {
            return "ENTERPRISE";
        }
        return "CITY_DEPARTMENT";
    }

    /** Stable for a name, so importing the same document twice cannot create a unit twice. */
    static String codeFor(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "imported-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            LOG.warn("units-service is unreachable", e);
            throw new ProblemException(503, "dependency-unavailable", "Service Unavailable",
                    "units-service, which resolves unit names, cannot be reached; try again later", new ArrayList<>());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 403) {
                // units-service judged the caller's own token: it may import tasks but not read or create units
                throw ProblemException.forbidden("Importing needs units:read to resolve unit names, and units:write "
                        + "with createMissingUnits; units-service refused this caller");
            }
            LOG.warnf("units-service answered %d: %s", status, e.getMessage());
            throw new ProblemException(status >= 500 ? 503 : 502, "dependency-failed",
                    status >= 500 ? "Service Unavailable" : "Bad Gateway",
                    "units-service refused the request (" + status + ")", new ArrayList<>());
        }
    }
}
