package org.beiqin.warehouse.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.warehouse.Stocktake;
import org.beiqin.warehouse.readmodel.Lookups;
import org.beiqin.warehouse.service.Commands;
import org.beiqin.warehouse.service.StocktakeService;

@Path("/api/warehouse/stocktakes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "盘点 Stocktakes")
@RolesAllowed({Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class StocktakeResource {

    /**
     * Submitting and reconciling a whole warehouse is one transaction — all lines or none — and a
     * 10,000-line count takes longer than the default 60 s (bench/stocktake.py): these two run in
     * a transaction of their own with a longer limit, which the Idempotency-Key record joins.
     */
    /** Seconds a submit or an approval of a large stocktake may take, in one transaction. */
    private static final int LONG = 900;

    @Inject
    StocktakeService stocktakes;


    @Inject
    Caller caller;

    @Inject
    Lookups lookups;

    @GET
    @Operation(summary = "待审批的盘点 Stocktakes of a status across the caller's area (without their lines)",
            description = "默认列出已提交、待县应急办审批的盘点单（status=SUBMITTED），先提交的在前；带有差异行数。")
    public List<Responses.StocktakeView> list(@QueryParam("status") @DefaultValue("SUBMITTED") String status,
            @QueryParam("division") String division) {
        QueryParams p = new QueryParams();
        List<Stocktake.Status> statuses = p.list("status", List.of(status), Stocktake.Status::valueOf);
        if (statuses.size() != 1) {
            p.reject("status");
        }
        String scope = p.division("division", division);
        p.check();
        List<Stocktake> found = stocktakes.within(scope == null ? caller.division() : scope, statuses.get(0));
        var differences = stocktakes.differences(found.stream().map(s -> s.id).toList());
        return Responses.StocktakeView.summaries(found, differences, lookups);
    }

    @POST
    @Idempotent
    @Path("{id}/sent-back")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "退回重盘 Send a submitted stocktake back to the keeper, with the reason",
            description = "由县应急办退回；盘点单重新开放，库管员看到退回原因后复点再提交。不入账。")
    @APIResponse(responseCode = "409", description = "盘点单不是待审批状态，或该仓库已有进行中的盘点")
    public Response sendBack(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Reconcile command) {
        stocktakes.sendBack(id, command);
        return Response.ok(get(id)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "盘点单 A stocktake with its lines and, once submitted, the differences")
    public Responses.StocktakeView get(@PathParam("id") UUID id) {
        Stocktake stocktake = stocktakes.visible(id);
        return Responses.StocktakeView.from(stocktake, stocktakes.lines(id), lookups);
    }

    @PUT
    @Path("{id}/lines")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "录入实盘数 Enter counted quantities",
            description = "按存放区、物资、批次逐行录入；同一行再次录入时以新数为准（复点）。")
    @APIResponse(responseCode = "409", description = "盘点单已提交 The stocktake is no longer open")
    public Responses.StocktakeView count(@PathParam("id") UUID id, @Valid @NotNull Commands.Count command) {
        stocktakes.count(id, command);
        return get(id);
    }

    @POST
    @Idempotent(transactionTimeout = LONG)
    @Path("{id}/submit")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "提交盘点 Submit: compare every line with the ledger",
            description = "有差异的行触发 LEDGER_MISMATCH；与账面相符的行消除之前的差异。")
    public Response submit(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key) {
        stocktakes.submit(id);
        return Response.ok(get(id)).build();
    }

    @POST
    @Idempotent(transactionTimeout = LONG)
    @Path("{id}/reconciliation")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "审批差异并更正入账 Approve the differences and post them",
            description = "由县应急办审批；每个差异记一笔盘点更正，账面随之与实盘一致。")
    public Response reconcile(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Reconcile command) {
        return Response.status(201).entity(stocktakes.reconcile(id, command).stream()
                .map(Responses.MovementView::from).toList()).build();
    }
}
