package cn.gov.supervision.notifications.rest;

import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.notifications.api.CalendarYearRequest;
import cn.gov.supervision.notifications.api.CalendarYearView;
import cn.gov.supervision.notifications.api.WorkdaysView;
import cn.gov.supervision.notifications.service.CalendarService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "China's official working-day calendar (holidays and 调休 make-up days)")
@RolesAllowed(Permissions.NOTIFICATIONS_READ)
public class CalendarResource {

    private final CalendarService calendar;

    public CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @Path("/workdays")
    @Operation(operationId = "countWorkdays", summary = "Count working days from one date to another, both included")
    public WorkdaysView workdays(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return calendar.workdays(from, to);
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getCalendarYear", summary = "A year's holidays and make-up working days")
    public CalendarYearView year(@PathParam("year") int year) {
        return calendar.year(year);
    }

    @RolesAllowed(Permissions.NOTIFICATIONS_WRITE)
    @PUT
    @Path("/{year}")
    @Operation(operationId = "replaceCalendarYear", summary = "Enter a year's arrangement when the State Council announces it (admin)")
    public CalendarYearView replace(@PathParam("year") int year, @NotNull @Valid CalendarYearRequest request) {
        return calendar.replaceYear(year, request.days());
    }
}
