package org.beiqin.warehouse.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.service.Commands;
import org.beiqin.warehouse.service.MovementService;

@Path("/api/warehouse/movements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "仓库与出入库 Warehouses and stock movements")
@RolesAllowed({Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class MovementResource {

    @Inject
    MovementService movements;

    @Inject
    Caller caller;

    @GET
    @Path("{id}")
    @Operation(summary = "出入库记录 One ledger line")
    public Responses.MovementView get(@PathParam("id") UUID id) {
        return Responses.MovementView.from(movements.visible(id));
    }

    @POST
    @Idempotent
    @Path("{id}/reversal")
    @RolesAllowed({Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "冲销 Reverse a mistaken movement",
            description = "记录不会被修改或删除：冲销记一笔方向相反的记录并指向原记录。调拨的两笔一起冲销。"
                    + " 已有归还或核销的发放须先冲销那些记录。盘点更正和县级已审批的调整只能由县级冲销（403）。")
    @APIResponse(responseCode = "403", description = "县级审批过的记录只能由县级冲销 Only the county undoes what it approved")
    @APIResponse(responseCode = "201", description = "已冲销 Reversed")
    @APIResponse(responseCode = "409", description = "已冲销过，或冲销会使库存为负 Already reversed, or stock would go negative")
    public Response reverse(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Reverse command) {
        List<Movement> reversals = movements.reverse(id, command);
        return Response.status(201).entity(reversals.stream().map(Responses.MovementView::from).toList()).build();
    }

    @POST
    @Idempotent
    @Path("{id}/approval")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "审批库管员的调整 The county approves a keeper's adjustment",
            description = "库管员的调整（非盘点）先记账，同时产生“库存调整未经县级审批”问题；县级审批后该问题消除。"
                    + " 只能审批调整，且只能审批一次。")
    @APIResponse(responseCode = "200", description = "已审批 Approved")
    @APIResponse(responseCode = "403", description = "只有县级可以审批 Only the county approves")
    @APIResponse(responseCode = "409", description = "已审批过或已冲销 Already approved, or reversed")
    public Responses.MovementView approve(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid Commands.Approval command) {
        return Responses.MovementView.from(movements.approveAdjustment(id, command));
    }
}
