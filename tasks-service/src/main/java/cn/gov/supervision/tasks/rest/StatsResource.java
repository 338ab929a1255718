package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.tasks.api.PlanStats;
import cn.gov.supervision.tasks.api.UnitStats;
import cn.gov.supervision.tasks.service.StatsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats", description = "Supervision statistics")
@RolesAllowed(Permissions.TASKS_READ)
public class StatsResource {

    private final StatsService stats;

    public StatsResource(StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Path("/units")
    @Operation(operationId = "getUnitStats", summary = "Per responsible unit: totals, completion rate and on-time rate over its assignments")
    public Map<String, List<UnitStats>> units(@QueryParam("planId") UUID planId) {
        return Map.of("items", stats.byUnit(planId));
    }

    @GET
    @Path("/plans/{id}")
    @Operation(operationId = "getPlanStats", summary = "A plan's tasks counted by status, light and category")
    public PlanStats plan(@PathParam("id") UUID id) {
        return stats.byPlan(id);
    }
}
