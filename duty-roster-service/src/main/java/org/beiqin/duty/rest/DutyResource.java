package org.beiqin.duty.rest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.idempotency.NotIdempotent;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.contract.Discrepancy;
import org.beiqin.duty.rules.DutySweep;
import org.beiqin.duty.service.AttendanceService;
import org.beiqin.duty.service.Commands;
import org.beiqin.duty.service.Lookups;
import org.beiqin.duty.service.SpotCheckService;

@Path("/api/duty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "在岗与查岗 On duty and spot checks")
@RolesAllowed({Roles.KEEPER, Roles.DUTY_OFFICER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class DutyResource {

    @Inject
    AttendanceService attendance;

    @Inject
    Lookups lookups;

    @Inject
    SpotCheckService spotChecks;

    @Inject
    Discrepancies discrepancies;

    @Inject
    DutySweep sweep;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Path("now")
    @Operation(summary = "此刻在班 Who is on duty now, and who has not checked in")
    public Views.OnDuty now(@QueryParam("division") String division) {
        List<Views.ShiftView> onDuty = Views.ShiftView.list(attendance.onDutyNow(QueryParams.division(division)),
                lookups);
        return new Views.OnDuty(onDuty, onDuty.stream().filter(s -> s.checkedInAt() == null).toList());
    }

    @POST
    @Idempotent
    @Path("spot-checks")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN, Roles.KEEPER, Roles.DUTY_OFFICER})
    @Operation(summary = "查岗 Spot-check whoever is on duty now",
            description = "发给该区划此刻在班的每个人，须在 10 分钟内应答；未应答则升级给带班领导，并记为联系不上。"
                    + "乡镇值班员（镇应急办）可查本镇及所辖村，但不查自己的班次。")
    public Response send(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull Commands.NewSpotCheck command) {
        return Response.status(201)
                .entity(Views.SpotCheckView.list(spotChecks.send(command.division()), clock.instant(), lookups)).build();
    }

    @GET
    @Path("spot-checks")
    @Operation(summary = "查岗记录 Spot-check history, with escalations")
    public List<Views.SpotCheckView> history(@QueryParam("division") String division) {
        return Views.SpotCheckView.list(spotChecks.history(QueryParams.division(division)), clock.instant(), lookups);
    }

    @POST
    @Idempotent
    @Path("spot-checks/{id}/acknowledgement")
    @Operation(summary = "应答查岗 Acknowledge a spot check (the officer checked)")
    public Views.SpotCheckView acknowledge(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key) {
        return Views.SpotCheckView.from(spotChecks.acknowledge(id), clock.instant(), lookups);
    }

    @GET
    @Path("discrepancies")
    @Operation(summary = "未消除的值班问题 Open duty findings in your division")
    public List<Discrepancy> open() {
        return discrepancies.openIn(caller.division());
    }

    @POST
    @NotIdempotent("立即检查只按记录重新判定：重复执行不会多出问题 "
            + "A sweep re-derives findings from the records; running it again finds nothing new")
    @Path("sweep")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "立即检查到期规则 Run the time-based rules now")
    public Response runSweep() {
        return Response.ok(Map.of("ran", sweep.sweep())).build();
    }
}
