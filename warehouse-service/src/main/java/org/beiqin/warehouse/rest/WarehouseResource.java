package org.beiqin.warehouse.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Roles;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.Stocktake;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.readmodel.Lookups;
import org.beiqin.warehouse.readmodel.StockQueries;
import org.beiqin.warehouse.service.Commands;
import org.beiqin.warehouse.service.EquipmentCommands;
import org.beiqin.warehouse.service.ItemService;
import org.beiqin.warehouse.service.MovementService;
import org.beiqin.warehouse.service.StocktakeService;
import org.beiqin.warehouse.service.WarehouseService;

@Path("/api/warehouse/warehouses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "仓库与出入库 Warehouses and stock movements")
@RolesAllowed({Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class WarehouseResource {

    static final String IDEMPOTENCY_DOC = "重发同一请求时带相同的键，只会记一次 Resend with the same key and nothing is recorded twice";

    @Inject
    WarehouseService warehouses;

    @Inject
    ItemService items;

    @Inject
    MovementService movements;

    @Inject
    StocktakeService stocktakes;

    @Inject
    StockQueries stock;

    @Inject
    ReadinessResource readiness;

    @Inject
    Lookups lookups;

    @Inject
    Clock clock;

    @POST
    @Idempotent
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "登记仓库 Register a warehouse", description = "不填存放区时，按防汛、防火、救灾、其他各建一个。")
    @APIResponse(responseCode = "201", description = "已登记 Registered")
    @APIResponse(responseCode = "403", description = "区划不在管辖范围 Division outside your jurisdiction")
    public Response create(@Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.CreateWarehouse command) {
        Warehouse warehouse = warehouses.create(command);
        return Response.created(URI.create("/api/warehouse/warehouses/" + warehouse.id))
                .entity(Responses.WarehouseView.from(warehouse, lookups)).build();
    }

    @GET
    @Operation(summary = "管辖范围内的仓库 Warehouses in your jurisdiction")
    public List<Responses.WarehouseView> list(
            @Parameter(description = "区划前缀，默认为本人管辖区划") @QueryParam("division") String division) {
        return Responses.WarehouseView.list(warehouses.list(division), lookups);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "仓库详情 One warehouse with its zones")
    @APIResponse(responseCode = "404", description = "不存在或无权查看 Not found, or not yours to see")
    public Responses.WarehouseView get(@PathParam("id") UUID id) {
        return Responses.WarehouseView.from(warehouses.visible(id), lookups);
    }

    @POST
    @Idempotent
    @Path("{id}/zones")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "增设存放区 Add a storage zone")
    public Response addZone(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Zone command) {
        return Response.status(201)
                .entity(Responses.ZoneView.from(warehouses.addZone(id, command))).build();
    }

    @PUT
    @Path("{id}/standards/{itemId}")
    @Operation(summary = "设定配备标准 Set the minimum the warehouse must hold of an item",
            description = "可用数量（不含过期批次）低于标准时触发 BELOW_STANDARD。")
    public Response setStandard(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
            @Valid @NotNull Commands.SetStandard command) {
        warehouses.setStandard(id, itemId, command, items);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/stock")
    @Operation(summary = "库存 Current stock by item, zone and lot (earliest expiry first)")
    public List<Responses.BalanceView> stock(@PathParam("id") UUID id, @QueryParam("itemId") UUID itemId) {
        Warehouse warehouse = warehouses.visible(id);
        return Responses.BalanceView.list(stock.balances(warehouse.id, itemId), lookups);
    }

    @GET
    @Path("{id}/stock-card/{itemId}")
    @Operation(summary = "物资卡 Stock card: an item's movements in this warehouse with the running balance",
            description = "最新在前 Newest first.")
    public Responses.StockCard stockCard(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(5000) int limit) {
        Warehouse warehouse = warehouses.visible(id);
        Item item = items.visible(itemId);
        List<Responses.MovementView> views = stock.card(warehouse.id, item.id, limit).stream()
                .map(line -> Responses.MovementView.from(line.movement(), line.balanceAfter())).toList();
        BigDecimal balance = stock.balances(warehouse.id, item.id).stream().map(StockQueries.Balance::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Responses.StockCard(warehouse.id, item.id, item.name, item.unit, balance, views);
    }

    @GET
    @Path("{id}/loans")
    @Operation(summary = "未归还的发放 Issues not yet fully returned or written off, oldest first")
    public List<Responses.LoanView> loans(@PathParam("id") UUID id) {
        Warehouse warehouse = warehouses.visible(id);
        LocalDate today = LocalDate.now(clock);
        return stock.loans(warehouse.id).stream().map(loan -> new Responses.LoanView(
                Responses.MovementView.from(loan.issue()), loan.outstanding(),
                loan.issue().dueBack != null && loan.issue().dueBack.isBefore(today))).toList();
    }

    @POST
    @Idempotent
    @Path("{id}/receipts")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "入库 Receive stock",
            description = "有保质期的物资须填批次与有效期；不填存放区时放入与物资类别相同的区。")
    @APIResponse(responseCode = "201", description = "已入账 Posted")
    public Response receive(@PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Receive command) {
        return created(movements.receive(id, command));
    }

    @POST
    @Idempotent
    @Path("{id}/issues")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "出库发放 Issue stock to a named person (with a due-back date) or for a drill/incident")
    @APIResponse(responseCode = "201", description = "已入账 Posted")
    @APIResponse(responseCode = "409", description = "库存不足 Not enough stock; nothing was recorded")
    public Response issue(@PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Issue command) {
        return created(movements.issue(id, command));
    }

    @POST
    @Idempotent
    @Path("{id}/returns")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "归还 Return (part of) an issue")
    @APIResponse(responseCode = "201", description = "已入账 Posted")
    @APIResponse(responseCode = "409", description = "超过未归还数量 More than is outstanding")
    public Response returnIssued(@PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Return command) {
        return created(movements.returnIssued(id, command));
    }

    @POST
    @Idempotent
    @Path("{id}/write-offs")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "核销 Write off issued stock that will not come back")
    public Response writeOff(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.WriteOff command) {
        return created(movements.writeOff(id, command));
    }

    @POST
    @Idempotent
    @Path("{id}/transfers")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "调拨 Transfer to another warehouse (or zone)", description = "记两笔：调出与调入。")
    public Response transfer(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Transfer command) {
        return Response.status(201)
                .entity(movements.transfer(id, command).stream().map(Responses.MovementView::from).toList()).build();
    }

    @POST
    @Idempotent
    @Path("{id}/scraps")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "报废 Scrap stock")
    public Response scrap(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Scrap command) {
        return created(movements.scrap(id, command));
    }

    @POST
    @Idempotent
    @Path("{id}/adjustments")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "调整 Adjust a balance, with a reason")
    public Response adjust(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Adjust command) {
        return created(movements.adjust(id, command));
    }

    @POST
    @Idempotent
    @Path("{id}/stocktakes")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "开始盘点 Open a stocktake", description = "同一仓库同时只能有一张进行中的盘点单。")
    @APIResponse(responseCode = "409", description = "已有进行中的盘点 A count is already open")
    public Response openStocktake(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid Commands.OpenStocktake command) {
        Commands.OpenStocktake body = command == null ? new Commands.OpenStocktake(null) : command;
        var stocktake = stocktakes.open(id, body);
        return Response.created(URI.create("/api/warehouse/stocktakes/" + stocktake.id))
                .entity(Responses.StocktakeView.from(stocktake, List.of(), lookups)).build();
    }

    @GET
    @Path("{id}/stocktakes")
    @Operation(summary = "盘点单列表 The warehouse's stocktakes, newest first (without their lines)",
            description = "status=OPEN 只列进行中的那一张。")
    public List<Responses.StocktakeView> stocktakes(@PathParam("id") UUID id, @QueryParam("status") String status) {
        QueryParams p = new QueryParams();
        List<Stocktake.Status> statuses = p.list("status", status == null ? List.of() : List.of(status),
                Stocktake.Status::valueOf);
        p.check();
        List<Stocktake> found = stocktakes.of(warehouses.visible(id).id, statuses.isEmpty() ? null : statuses.get(0));
        return Responses.StocktakeView.summaries(found, stocktakes.differences(found.stream().map(s -> s.id).toList()),
                lookups);
    }

    // ---- equipment readiness: declared here because JAX-RS routes /warehouses/... to this class

    @POST
    @Idempotent
    @Path("{id}/extinguishers")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "登记灭火器 Register an extinguisher")
    @APIResponse(responseCode = "201", description = "已登记 Registered")
    public Response registerExtinguisher(@PathParam("id") UUID warehouseId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.RegisterExtinguisher command) {
        return readiness.registerExtinguisher(warehouseId, command);
    }

    @GET
    @Path("{id}/extinguishers")
    @Operation(summary = "仓库的灭火器及其检查计划 A warehouse's extinguishers with their schedules")
    public List<ReadinessResource.ExtinguisherView> extinguishers(@PathParam("id") UUID warehouseId) {
        return readiness.extinguishers(warehouseId);
    }

    @POST
    @Idempotent
    @Path("{id}/equipment")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "登记装备 Register equipment (torches, lamps, phones, loudspeakers, door backup power…)")
    public Response registerEquipment(@PathParam("id") UUID warehouseId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.RegisterEquipment command) {
        return readiness.registerEquipment(warehouseId, command);
    }

    @GET
    @Path("{id}/equipment")
    @Operation(summary = "仓库的装备 A warehouse's equipment with its latest readings and checks")
    public List<ReadinessResource.EquipmentView> equipment(@PathParam("id") UUID warehouseId) {
        return readiness.equipment(warehouseId);
    }

    @POST
    @Idempotent
    @Path("{id}/facility-inspections")
    @RolesAllowed({Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "仓库设施检查 Facility inspection against the checklist",
            description = "任一项不合格触发 FACILITY_RISK；之后一次全部合格的检查消除它。")
    public Response inspect(@PathParam("id") UUID warehouseId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.FacilityCheck command) {
        return readiness.inspect(warehouseId, command);
    }

    static Response created(Movement movement) {
        return Response.created(URI.create("/api/warehouse/movements/" + movement.id))
                .entity(Responses.MovementView.from(movement)).build();
    }
}
