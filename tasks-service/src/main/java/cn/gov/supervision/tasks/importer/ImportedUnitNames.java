package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.tasks.api.ImportResult;
import cn.gov.supervision.tasks.client.UnitsClient;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

    /** What a name of the document stands for: {@code status} RESOLVED, CREATED, AMBIGUOUS or UNRESOLVED. */
    record Choice(String status, UUID unitId, String unitName) {
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
     * Every unit name of the plan's tasks, resolved at units-service, or created there when {@code createMissing};
     * a name that stays without a unit gets a warning diagnostic at the first line that names it.
     */
    Map<String, Choice> choose(ParsedPlan parsed, boolean createMissing, List<ImportResult.DiagnosticPart> diagnostics) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (ParsedTask task : parsed.tasks()) {
            for (String name : Stream.concat(task.leadUnitNames().stream(), task.coUnitNames().stream()).toList()) {
                names.add(name);
                firstLine.putIfAbsent(name, task.line());
            }
        }
        Map<String, Choice> choices = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return choices;
        }
        Map<String, UnitsClient.Resolution> resolutions = resolve(new ArrayList<>(names));
        for (String name : names) {
            UnitsClient.Resolution resolution = resolutions.get(name);
            if (resolution.resolved()) {
                choices.put(name, new Choice("RESOLVED", resolution.unit().id(), resolution.unit().name()));
                continue;
            }
            if (createMissing && "UNRESOLVED".equals(resolution.status())) {
                UnitsClient.RemoteUnit created = create(ChineseText.clean(name));
                choices.put(name, new Choice("CREATED", created.id(), created.name()));
                diagnostics.add(new ImportResult.DiagnosticPart(firstLine.get(name), "INFO", "UNIT_CREATED",
                        "created unit " + created.code() + " for '" + name + "'; review it in units-service", name));
                continue;
            }
            choices.put(name, new Choice(resolution.status(), null, null));
            String candidates = resolution.candidates() == null ? "" : resolution.candidates().stream()
                    .map(UnitsClient.RemoteUnit::name).limit(5).reduce((a, b) -> a + "、" + b).orElse("");
            diagnostics.add(new ImportResult.DiagnosticPart(firstLine.get(name), "WARNING",
                    "AMBIGUOUS".equals(resolution.status()) ? "AMBIGUOUS_UNIT" : "UNRESOLVED_UNIT",
                    "'" + name + "' is not a known unit" + (candidates.isEmpty() ? "" : "; closest: " + candidates)
                            + "; the task is imported without it", name));
        }
        return choices;
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
