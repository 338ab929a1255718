package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.tasks.importer.PlanImporter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The import's options, the same for a document sent as the body and as a multipart upload. */
public class ImportOptionsParams {

    @QueryParam("dryRun")
    @DefaultValue("false")
    @Parameter(description = "Show what would be stored, the units that would be created and the names that would be "
            + "remembered; nothing is written")
    boolean dryRun;

    @QueryParam("year")
    @Min(2000)
    @Max(2100)
    @Parameter(description = "The plan's year, where the document does not say it")
    Integer year;

    @QueryParam("createMissingUnits")
    @DefaultValue("false")
    @Parameter(description = "Register the units the document names but units-service does not know (needs units:write)")
    boolean createMissingUnits;

    @QueryParam("replace")
    @DefaultValue("false")
    @Parameter(description = "Update the plan imported before from the same document, keeping task ids and history")
    boolean replace;

    @QueryParam("unitMapping")
    @Size(max = 200)
    @Parameter(description = "A name as the document writes it and the id of the unit it means, as name=unitId "
            + "(repeat for several), for names units-service does not resolve")
    List<String> unitMapping;

    @QueryParam("rememberAliases")
    @DefaultValue("false")
    @Parameter(description = "After the import, make each mapped name an alias of its unit at units-service, so the "
            + "next document that writes it resolves by itself (needs units:write)")
    boolean rememberAliases;

    PlanImporter.Options toOptions() {
        return new PlanImporter.Options(dryRun, year, createMissingUnits, replace, mappings(), rememberAliases);
    }

    private Map<String, UUID> mappings() {
        Map<String, UUID> mappings = new LinkedHashMap<>();
        for (String mapping : unitMapping == null ? List.<String>of() : unitMapping) {
            int split = mapping.lastIndexOf('=');
            String name = split < 0 ? "" : mapping.substring(0, split).strip();
            UUID unitId = split < 0 ? null : uuid(mapping.substring(split + 1).strip());
            if (name.isEmpty() || name.length() > 100 || unitId == null) {
                throw ProblemException.invalidField("unitMapping",
                        "'" + mapping + "' is not name=unitId (a name of at most 100 characters, a unit's UUID)");
            }
            if (mappings.put(name, unitId) != null) {
                throw ProblemException.invalidField("unitMapping", "'" + name + "' is mapped twice");
            }
        }
        return mappings;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
