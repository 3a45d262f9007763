package org.beiqin.warehouse.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.commons.idempotency.NotIdempotent;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.contract.Discrepancy;
import org.beiqin.warehouse.rules.WarehouseSweep;

@Path("/api/warehouse/discrepancies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "发现的问题 Discrepancies")
@RolesAllowed({Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class DiscrepancyResource {

    @Inject
    Discrepancies discrepancies;

    @Inject
    WarehouseSweep sweep;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "未消除的问题 Open discrepancies in your jurisdiction, newest first")
    public List<Discrepancy> open(@QueryParam("division") String division) {
        String scope = division == null || division.isBlank() ? caller.division() : division;
        caller.requireCovers(scope);
        return discrepancies.openIn(scope);
    }

    @POST
    @NotIdempotent("立即检查只按记录重新判定：重复执行不会多出问题 "
            + "A sweep re-derives findings from the records; running it again finds nothing new")
    @Path("sweep")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "立即检查 Run the time-based checks now",
            description = "平时每 15 分钟自动检查一次；返回 false 表示另一个实例正在检查。")
    public boolean sweepNow() {
        return sweep.sweep();
    }
}
