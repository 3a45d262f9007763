package org.beiqin.warehouse.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.beiqin.commons.security.Roles;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.rules.ItemUnlabeledRule;
import org.beiqin.warehouse.service.Commands;
import org.beiqin.warehouse.service.ItemService;

@Path("/api/warehouse/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "物资目录 Item catalogue")
@RolesAllowed({Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class ItemResource {

    @Inject
    ItemService items;

    @Inject
    ItemUnlabeledRule unlabeled;

    @POST
    @Idempotent
    @Operation(summary = "新建物资 Create a catalogue item",
            description = "规格、单位及按种类要求的属性（如燃油的油品种类 fuelType）缺一不可。")
    @APIResponse(responseCode = "201", description = "已建 Created")
    @APIResponse(responseCode = "422", description = "标识不全，列出缺少的字段 Missing labels, each field named")
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull Commands.CreateItem command) {
        Item item = items.create(command);
        return Response.created(URI.create("/api/warehouse/items/" + item.id)).entity(view(item)).build();
    }

    @POST
    @Idempotent
    @Path("import")
    @Operation(summary = "导入旧台账物资 Import legacy catalogue records",
            description = "旧记录可以缺属性，但每条标识不全的记录都会触发 ITEM_UNLABELED，直到补全。")
    public Response importLegacy(@HeaderParam(Idempotency.HEADER) String key,
            @NotNull @NotEmpty @Size(max = 5000) List<Commands.@Valid @NotNull CreateItem> commands) {
        return Response.status(201)
                .entity(items.importLegacy(commands).stream().map(this::view).toList()).build();
    }

    @GET
    @Operation(summary = "可用的物资目录 Items you can use: your division's and the county's")
    public List<Responses.ItemView> list() {
        return items.list().stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "物资详情 One item")
    public Responses.ItemView get(@PathParam("id") UUID id) {
        return view(items.visible(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "补全规格、单位、属性 Fill in specification, unit or attributes",
            description = "未提交的字段保持不变；补全后 ITEM_UNLABELED 消除。")
    public Responses.ItemView update(@PathParam("id") UUID id, @Valid @NotNull Commands.UpdateItem command) {
        return view(items.update(id, command));
    }

    private Responses.ItemView view(Item item) {
        return Responses.ItemView.from(item, unlabeled.missing(item));
    }
}
