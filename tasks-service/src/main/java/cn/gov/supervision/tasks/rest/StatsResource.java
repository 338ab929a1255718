package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.tasks.api.PlanStats;
import cn.gov.supervision.tasks.api.UnitStatsReport;
import cn.gov.supervision.tasks.service.StatsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
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
    @Operation(operationId = "getUnitStats", summary = "Per responsible unit: totals, completion rate, on-time rate, "
            + "requests awaiting approval and lights over its assignments, as they stand today or stood at the end of asOf")
    public UnitStatsReport units(@QueryParam("planId") UUID planId,
                                 @QueryParam("asOf") @Parameter(description = "A date (YYYY-MM-DD) in the plans' time "
                                         + "zone; what units and the office did later is not counted") LocalDate asOf) {
        return stats.byUnit(planId, asOf);
    }

    @GET
    @Path("/plans/{id}")
    @Operation(operationId = "getPlanStats", summary = "A plan's tasks counted by status, light and category")
    public PlanStats plan(@PathParam("id") UUID id) {
        return stats.byPlan(id);
    }
}
