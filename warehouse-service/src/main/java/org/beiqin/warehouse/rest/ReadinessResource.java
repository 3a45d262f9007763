package org.beiqin.warehouse.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.warehouse.Equipment;
import org.beiqin.warehouse.Extinguisher;
import org.beiqin.warehouse.FacilityInspection;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.readmodel.EquipmentStates;
import org.beiqin.warehouse.readmodel.ExtinguisherSchedule;
import org.beiqin.warehouse.readmodel.ExtinguisherStates;
import org.beiqin.warehouse.service.AttentionService;
import org.beiqin.warehouse.service.EquipmentCommands;
import org.beiqin.warehouse.service.ReadinessService;
import org.beiqin.warehouse.service.WarehouseService;

@Path("/api/warehouse")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "装备完好 Equipment readiness")
@RolesAllowed({Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class ReadinessResource {

    @Inject
    ReadinessService readiness;
    @Inject
    WarehouseService warehouses;
    @Inject
    AttentionService attention;
    @Inject
    ExtinguisherStates extinguisherStates;
    @Inject
    EquipmentStates equipmentStates;
    @Inject
    Caller caller;

    public record ExtinguisherView(UUID id, UUID warehouseId, String label, Extinguisher.Agent agent, String agentLabel,
            String capacity, LocalDate manufacturedOn, String location, Extinguisher.Status status,
            ExtinguisherSchedule schedule, Boolean lastCheckPassed) {
    }

    public record EquipmentView(UUID id, UUID warehouseId, Equipment.Kind kind, String kindLabel, String label,
            boolean batteryPowered, Equipment.Status status, EquipmentStates.State latest) {
    }

    public record InspectionView(UUID id, UUID warehouseId, LocalDate inspectedOn, List<String> failed, String notes,
            String actor) {
        static InspectionView from(FacilityInspection i) {
            return new InspectionView(i.id, i.warehouseId, i.inspectedOn, i.failed(), i.notes, i.actor);
        }
    }

    // ---- extinguishers

    Response registerExtinguisher(UUID warehouseId, EquipmentCommands.RegisterExtinguisher command) {
        Extinguisher e = readiness.registerExtinguisher(warehouseId, command);
        return Response.created(URI.create("/api/warehouse/extinguishers/" + e.id)).entity(view(e)).build();
    }

    List<ExtinguisherView> extinguishers(UUID warehouseId) {
        List<Extinguisher> found = readiness.extinguishersOf(warehouseId);
        Map<UUID, ExtinguisherStates.State> states = extinguisherStates.of(found);
        return found.stream().map(e -> view(e, states.get(e.id))).toList();
    }

    @GET
    @Path("extinguishers/{id}")
    @Operation(summary = "灭火器 One extinguisher")
    public ExtinguisherView extinguisher(@PathParam("id") UUID id) {
        return view(readiness.extinguisher(id));
    }

    @POST
    @Idempotent
    @Path("extinguishers/{id}/monthly-checks")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "月度检查 Monthly check", description = "任一项不合格即判为无法使用，触发 EXTINGUISHER_EXPIRED。")
    public Response monthlyCheck(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.MonthlyCheck command) {
        return Response.status(201).entity(view(readiness.monthlyCheck(id, command))).build();
    }

    @POST
    @Idempotent
    @Path("extinguishers/{id}/annual-inspections")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "年度检测维护 Annual inspection or maintenance")
    public Response annualInspection(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.AnnualInspection command) {
        return Response.status(201).entity(view(readiness.annualInspection(id, command))).build();
    }

    @POST
    @Idempotent
    @Path("extinguishers/{id}/service-sendoffs")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "送修 Send for service",
            description = "GB 50444-2008：同一单位同时送修的不得超过配置总数的 1/4，超出时拒绝（409）。")
    @APIResponse(responseCode = "409", description = "送修数量超过四分之一 More than a quarter would be away")
    public Response sendForService(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.SendForService command) {
        return Response.status(201).entity(view(readiness.sendForService(id, command))).build();
    }

    @POST
    @Idempotent
    @Path("extinguishers/{id}/service-returns")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "维修返回 Back from service")
    public Response returnFromService(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.ReturnFromService command) {
        return Response.status(201).entity(view(readiness.returnFromService(id, command))).build();
    }

    @POST
    @Idempotent
    @Path("extinguishers/{id}/scrap")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "报废灭火器 Scrap an extinguisher")
    public Response scrapExtinguisher(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.Scrap command) {
        return Response.status(201).entity(view(readiness.scrapExtinguisher(id, command))).build();
    }

    // ---- equipment

    Response registerEquipment(UUID warehouseId, EquipmentCommands.RegisterEquipment command) {
        Equipment e = readiness.registerEquipment(warehouseId, command);
        return Response.created(URI.create("/api/warehouse/equipment/" + e.id)).entity(view(e)).build();
    }

    List<EquipmentView> equipment(UUID warehouseId) {
        List<Equipment> found = readiness.equipmentOf(warehouseId);
        Map<UUID, EquipmentStates.State> states = equipmentStates.of(found);
        return found.stream().map(e -> view(e, states.get(e.id))).toList();
    }

    @POST
    @Idempotent
    @Path("equipment/{id}/charge-readings")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "电量读数 Charge reading", description = "百分比，或只填 charged（已充满/未充电）。")
    public Response chargeReading(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.ChargeReading command) {
        return Response.status(201).entity(view(readiness.chargeReading(id, command))).build();
    }

    @POST
    @Idempotent
    @Path("equipment/{id}/checks")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "装备检查 Check: working or faulty")
    public Response check(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.Check command) {
        return Response.status(201).entity(view(readiness.check(id, command))).build();
    }

    @POST
    @Idempotent
    @Path("equipment/{id}/repairs")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "维修完成 Repaired")
    public Response repair(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.Repair command) {
        return Response.status(201).entity(view(readiness.repair(id, command))).build();
    }

    @POST
    @Idempotent
    @Path("equipment/{id}/scrap")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "报废装备 Scrap equipment")
    public Response scrapEquipment(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.Scrap command) {
        return Response.status(201).entity(view(readiness.scrapEquipment(id, command))).build();
    }

    @POST
    @Idempotent
    @Path("equipment/{id}/returns-from-use")
    @RolesAllowed({Roles.KEEPER, Roles.ADMIN})
    @Operation(summary = "演练或救援使用后归还 Back from a drill or incident", description = "3 天内须检查。")
    public Response returnedFromUse(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EquipmentCommands.ReturnedFromUse command) {
        return Response.status(201).entity(view(readiness.returnedFromUse(id, command))).build();
    }

    // ---- facility inspections

    Response inspect(UUID warehouseId, EquipmentCommands.FacilityCheck command) {
        FacilityInspection i = readiness.inspect(warehouseId, command);
        return Response.created(URI.create("/api/warehouse/facility-inspections/" + i.id))
                .entity(InspectionView.from(i)).build();
    }

    @POST
    @Idempotent
    @Path("facility-inspections/{id}/photos")
    @Consumes({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "附照片 Attach a photo (JPEG, PNG or WebP, at most 5 MB)")
    @APIResponse(responseCode = "413", description = "照片过大 Too large")
    @APIResponse(responseCode = "415", description = "不是所声明的图片格式 Not the image type declared")
    public Response addPhoto(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] content) {
        UUID photo = readiness.addPhoto(id, contentType, content);
        return Response.status(201).entity(Map.of("id", photo)).build();
    }

    // ---- attention

    @GET
    @Path("attention")
    @Operation(summary = "本周需要处理的事项 What needs attention: due within the horizon or overdue, most urgent first",
            description = "不填 warehouseId 时列出管辖范围（或 division 前缀）内所有仓库，县应急办可一次查看全县。")
    public List<AttentionService.Entry> attention(@QueryParam("warehouseId") UUID warehouseId,
            @QueryParam("division") String division,
            @QueryParam("days") @DefaultValue("7") @Min(0) @Max(366) int days) {
        List<Warehouse> scope = warehouseId != null ? List.of(warehouses.visible(warehouseId))
                : warehouses.list(division);
        return attention.forWarehouses(scope, days);
    }

    private ExtinguisherView view(Extinguisher e) {
        return view(e, extinguisherStates.of(e));
    }

    private ExtinguisherView view(Extinguisher e, ExtinguisherStates.State state) {
        return new ExtinguisherView(e.id, e.warehouseId, e.label, e.agent, e.agent.zh, e.capacity, e.manufacturedOn,
                e.location, e.status, state.schedule(), state.lastVerdictPassed());
    }

    private EquipmentView view(Equipment e) {
        return view(e, equipmentStates.of(e));
    }

    private EquipmentView view(Equipment e, EquipmentStates.State state) {
        return new EquipmentView(e.id, e.warehouseId, e.kind, e.kind.zh, e.label, e.batteryPowered, e.status, state);
    }
}
