package org.beiqin.duty.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Roles;
import org.beiqin.duty.DutyPeriod;
import org.beiqin.duty.Shift;
import org.beiqin.duty.service.Commands;
import org.beiqin.duty.service.Lookups;
import org.beiqin.duty.service.RosterService;

@Path("/api/duty/periods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "值班表 Duty rosters")
@RolesAllowed({Roles.KEEPER, Roles.DUTY_OFFICER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class RosterResource {

    @Inject
    RosterService roster;

    @Inject
    Lookups lookups;

    @GET
    @Operation(summary = "值班时段 Duty periods, with their coverage gaps")
    public List<Views.PeriodView> list(@QueryParam("division") String division) {
        return roster.periods(QueryParams.division(division)).stream()
                .map(p -> Views.PeriodView.from(p, roster.gaps(p))).toList();
    }

    @POST
    @Idempotent
    @Operation(summary = "新建值班时段 Create a duty period and the coverage it needs")
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull Commands.NewPeriod command) {
        DutyPeriod period = roster.createPeriod(command);
        return Response.created(URI.create("/api/duty/periods/" + period.id))
                .entity(Views.PeriodView.from(period, roster.gaps(period))).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "值班时段及缺口 A duty period and its gaps, to the minute")
    public Views.PeriodView get(@PathParam("id") UUID id) {
        DutyPeriod period = roster.period(id, false);
        return Views.PeriodView.from(period, roster.gaps(period));
    }

    @GET
    @Path("{id}/shifts")
    @Operation(summary = "班次 The period's shifts")
    public List<Views.ShiftView> shifts(@PathParam("id") UUID id) {
        return Views.ShiftView.list(roster.shifts(id), lookups);
    }

    @POST
    @Idempotent
    @Path("{id}/shifts")
    @Operation(summary = "排一个班 Roster one shift")
    public Response addShift(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.NewShift command) {
        Shift shift = roster.addShift(id, command);
        return Response.status(201).entity(Views.ShiftView.from(shift, lookups)).build();
    }

    @POST
    @Idempotent
    @Path("{id}/rotations")
    @Operation(summary = "按轮换排班 Lay shifts from a daily or weekly rotation",
            description = "从 from 到 to，每天（DAILY）或每周（WEEKLY）startTime 起排 hours 小时的班；带班领导和值班组依次轮流。重复提交同一天不会重复排班。")
    public Response rotate(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Rotation rotation) {
        return Response.status(201)
                .entity(Views.ShiftView.list(roster.rotate(id, rotation), lookups)).build();
    }

    @GET
    @Path("shifts/{shiftId}/audit")
    @Operation(summary = "班次变更记录 Who rostered the shift and who changed it since, oldest first")
    public List<Views.AuditView> audit(@PathParam("shiftId") UUID shiftId) {
        return roster.audit(shiftId).stream().map(Views.AuditView::from).toList();
    }

    @POST
    @Idempotent
    @Path("shifts/{shiftId}/override")
    @Operation(summary = "替班 Another person takes this one shift")
    public Views.ShiftView override(@PathParam("shiftId") UUID shiftId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Override command) {
        return Views.ShiftView.from(roster.override(shiftId, command), lookups);
    }

    @POST
    @Idempotent
    @Path("shifts/{shiftId}/swap")
    @Operation(summary = "换班 Two people exchange shifts")
    public List<Views.ShiftView> swap(@PathParam("shiftId") UUID shiftId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Swap command) {
        return Views.ShiftView.list(roster.swap(shiftId, command), lookups);
    }
}
