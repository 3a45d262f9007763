package org.beiqin.rectification.rest;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.idempotency.NotIdempotent;
import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Roles;
import org.beiqin.rectification.ItemEvidence;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.Measure;
import org.beiqin.rectification.RectificationItem;
import org.beiqin.rectification.service.Commands;
import org.beiqin.rectification.service.Deadlines;
import org.beiqin.rectification.service.DivisionNames;
import org.beiqin.rectification.service.Evidence;
import org.beiqin.rectification.service.ItemQueries;
import org.beiqin.rectification.service.ItemService;
import org.beiqin.rectification.service.LedgerExport;
import org.beiqin.rectification.service.Notices;

@Path("/api/rectification/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "整改台账 Rectification ledger")
@RolesAllowed({Roles.KEEPER, Roles.DUTY_OFFICER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class ItemResource {

    @Inject
    ItemQueries queries;

    @Inject
    ItemService commands;

    @Inject
    LedgerExport export;

    @Inject
    Notices notices;

    @Inject
    Evidence evidence;

    @Inject
    DivisionNames divisionNames;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "整改事项列表 List rectification items",
            description = "按区划前缀（默认为本人辖区）、状态、规则、严重程度、发现日期、是否逾期、几天内到期（dueWithin）和关键词筛选；"
                    + "sort 可选 detected（发现时间，默认）、deadline、division，dir 可选 desc（默认）、asc。")
    public Views.Page<Views.ItemSummary> list(@QueryParam("division") String division,
            @QueryParam("status") List<String> status, @QueryParam("rule") String rule,
            @QueryParam("severity") List<String> severity, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("overdue") Boolean overdue,
            @QueryParam("dueWithin") Integer dueWithin, @QueryParam("q") String text,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        QueryParams p = new QueryParams();
        var filter = filter(p, division, status, rule, severity, from, to, overdue, dueWithin, text);
        ItemQueries.Order order = order(p, sort);
        boolean ascending = ascending(p, dir);
        p.range("page", page, 0, 100_000);
        p.range("size", size, 1, 200);
        p.check();
        ItemQueries.Found found = queries.list(filter, order, ascending, page, size);
        LocalDate today = today();
        Locale locale = Messages.locale(headers);
        return new Views.Page<>(found.items().stream().map(i -> Views.ItemSummary.from(i,
                found.measures().getOrDefault(i.id, ItemQueries.MeasureCount.NONE), today, locale, divisionNames::named)).toList(),
                found.total(), page, size);
    }

    private static ItemQueries.Filter filter(QueryParams p, String division, List<String> status, String rule,
            List<String> severity, String from, String to, Boolean overdue, Integer dueWithin, String text) {
        if (dueWithin != null) {
            p.range("dueWithin", dueWithin, 0, 366);
        }
        return new ItemQueries.Filter(p.division("division", division),
                p.list("status", status, ItemStatus::valueOf), rule == null || rule.isBlank() ? null : rule.strip(),
                p.severities("severity", severity), p.date("from", from),
                p.date("to", to), overdue, dueWithin, text);
    }

    private static ItemQueries.Order order(QueryParams p, String sort) {
        if (sort == null || sort.isBlank()) {
            return ItemQueries.Order.DETECTED;
        }
        return p.list("sort", List.of(sort), v -> ItemQueries.Order.valueOf(v.toUpperCase(Locale.ROOT))).stream()
                .findFirst().orElse(ItemQueries.Order.DETECTED);
    }

    private static boolean ascending(QueryParams p, String dir) {
        if (dir == null || dir.isBlank()) {
            return false;
        }
        return p.list("dir", List.of(dir), v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "asc" -> Boolean.TRUE;
            case "desc" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(v);
        }).stream().findFirst().orElse(false);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "整改事项详情 One item with its six clears, measures and history")
    public Views.ItemDetail get(@PathParam("id") UUID id) {
        return detail(queries.get(id));
    }

    @PUT
    @Path("{id}/plan")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "明确整改目标、责任领导、责任部门、责任人和整改时限 Set the six clears",
            description = "须带上读取时的 version；他人已修改时返回 409，不会覆盖。")
    @APIResponse(responseCode = "409", description = "版本已变 Changed by someone else since you read it")
    public Views.ItemDetail plan(@PathParam("id") UUID id, @Valid @NotNull Commands.Plan plan) {
        return detail(commands.plan(id, plan));
    }

    @POST
    @Idempotent
    @Path("{id}/measures")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "增加整改措施 Add a measure")
    @APIResponse(responseCode = "201", description = "已增加 Added")
    public Response addMeasure(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.NewMeasure command) {
        Measure measure = commands.addMeasure(id, command);
        return Response.created(URI.create("/api/rectification/items/" + id + "/measures/" + measure.id))
                .entity(Views.MeasureView.from(measure, today())).build();
    }

    @PUT
    @Path("{id}/measures/{measureId}")
    @Operation(summary = "更新措施进度 Report a measure's progress",
            description = "责任单位和县应急办均可；标为 DONE 须附整改情况（evidence）。")
    public Views.MeasureView progress(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId,
            @Valid @NotNull Commands.MeasureProgress command) {
        return Views.MeasureView.from(commands.progress(id, measureId, command), today());
    }

    @POST
    @Idempotent
    @Path("{id}/status")
    @Operation(summary = "更改事项状态或核验销号 Change the status, or sign the item off",
            description = "COMPLETED（已完成）仅县应急办可标记，且须附核验依据；其余状态由县应急办或管理员确定。")
    @APIResponse(responseCode = "403", description = "责任单位不能自行销号 A unit cannot close its own item")
    public Response status(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.StatusChange command) {
        return Response.ok(detail(commands.changeStatus(id, command))).build();
    }

    @POST
    @NotIdempotent("同一文件按内容只保留一份，重复上传答复已有的那份（200） "
            + "The same file is kept once by its content; a repeat answers the one already attached (200)")
    @Path("{id}/evidence")
    @Consumes({"image/jpeg", "image/png", "image/webp", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "上传佐证材料 Attach evidence (a JPEG, PNG or WebP photo, or a PDF; at most 5 MB)",
            description = "请求体为文件本身，Content-Type 为其类型，X-File-Name 为文件名（URL 编码）。同一文件重复上传只保留一份。")
    @APIResponse(responseCode = "201", description = "已附上 Attached")
    @APIResponse(responseCode = "200", description = "同一文件已附上过 The same file was already attached")
    @APIResponse(responseCode = "413", description = "文件过大 Too large")
    @APIResponse(responseCode = "415", description = "不是所声明的类型 Not the type declared")
    public Response attach(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("X-File-Name") String fileName, byte[] content) {
        String name;
        try {
            name = fileName == null ? null : URLDecoder.decode(fileName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("file", "evidence-name")));
        }
        Evidence.Attached attached = evidence.attach(id, name, contentType, content);
        if (!attached.created()) {
            return Response.ok(attached.attachment()).build();
        }
        return Response.created(URI.create("/api/rectification/items/" + id + "/evidence/" + attached.attachment().id()))
                .entity(attached.attachment()).build();
    }

    @GET
    @Path("{id}/evidence/{evidenceId}")
    @Produces({"image/jpeg", "image/png", "image/webp", "application/pdf"})
    @Operation(summary = "下载佐证材料 One evidence file, as uploaded")
    public Response evidenceFile(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        ItemEvidence file = evidence.read(id, evidenceId);
        return Response.ok(file.content, file.contentType)
                .header("Content-Disposition", Downloads.attachment(file.fileName).replaceFirst("^attachment", "inline"))
                .build();
    }

    @GET
    @Path("export")
    @Produces(LedgerExport.MEDIA_TYPE)
    @Operation(summary = "导出整改台账（Excel） Export the ledger as a spreadsheet",
            description = "只带 division、from、to 时导出该期间发现的事项；带上列表的其他筛选条件时，导出与列表相同的事项（最多 10000 项）。")
    public Response export(@QueryParam("division") String division, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("status") List<String> status, @QueryParam("rule") String rule,
            @QueryParam("severity") List<String> severity, @QueryParam("overdue") Boolean overdue,
            @QueryParam("dueWithin") Integer dueWithin, @QueryParam("q") String text,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        boolean filtered = !status.isEmpty() || !severity.isEmpty() || (rule != null && !rule.isBlank())
                || overdue != null || dueWithin != null || (text != null && !text.isBlank());
        LedgerExport.Selection selection;
        String file;
        if (filtered) {
            QueryParams p = new QueryParams();
            var filter = filter(p, division, status, rule, severity, from, to, overdue, dueWithin, text);
            ItemQueries.Order order = order(p, sort);
            boolean ascending = ascending(p, dir);
            p.check();
            selection = export.filtered(filter, order, ascending);
            file = notices.fileName(filter.division(), null, null, "整改台账（筛选）", "xlsx");
        } else {
            QueryParams.Scope s = QueryParams.scope(division, from, to);
            selection = export.period(s.division(), s.from(), s.to());
            file = notices.fileName(s.division(), s.from(), s.to(), "整改台账", "xlsx");
        }
        StreamingOutput body = out -> export.write(selection, out);
        return Response.ok(body, LedgerExport.MEDIA_TYPE)
                .header("Content-Disposition", Downloads.attachment(file)).build();
    }

    private Views.ItemDetail detail(RectificationItem item) {
        var count = queries.measureCounts(List.of(item.id)).getOrDefault(item.id, ItemQueries.MeasureCount.NONE);
        return Views.detail(item, count, item.measures(), queries.lines(item.id), queries.history(item.id),
                evidence.of(item.id), today(),
                Messages.locale(headers), divisionNames::named);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
