package org.beiqin.rectification.rest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.NotIdempotent;
import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.rectification.service.AlertFeed;
import org.beiqin.rectification.service.Alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/rectification/alerts")
@Tag(name = "提醒 Alerts to the county office")
@RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
public class AlertResource {

    /** Keep-alive for proxies, and a catch-up read should a notification be missed. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    @Inject
    Alerts alerts;

    @Inject
    AlertFeed feed;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "提醒列表 Alerts, newest first",
            description = "默认只列未读（unread=true）；可按区划前缀和严重程度（severity=high,medium）筛选。")
    public Views.Page<Views.AlertView> list(@QueryParam("division") String division,
            @QueryParam("severity") List<String> severity, @QueryParam("unread") @DefaultValue("true") boolean unread,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        QueryParams p = new QueryParams();
        String scope = p.division("division", division);
        Set<String> severities = p.severities("severity", severity);
        p.range("page", page, 0, 100_000);
        p.range("size", size, 1, 200);
        p.check();
        Alerts.Found found = alerts.list(scope, severities, unread, page, size);
        Locale locale = Messages.locale(headers);
        return new Views.Page<>(found.alerts().stream().map(a -> Views.AlertView.from(a, locale)).toList(),
                found.total(), page, size);
    }

    @POST
    @NotIdempotent("确认已阅重复执行结果相同：已确认的提醒原样答复 "
            + "Acknowledging twice is the same as once: an acknowledged alert is answered as it is")
    @Path("{id}/acknowledgement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "确认已阅 Acknowledge an alert", description = "记录确认人和时间；重复确认保留第一次的记录。")
    public Views.AlertView acknowledge(@PathParam("id") long id) {
        return Views.AlertView.from(alerts.acknowledge(id), Messages.locale(headers));
    }

    @Schema(description = "要确认的提醒编号，一次最多 200 条")
    public record Acknowledge(@NotEmpty @Size(max = 200) List<@NotNull Long> ids) {
    }

    @POST
    @NotIdempotent("确认已阅重复执行结果相同：已确认的提醒原样答复 "
            + "Acknowledging twice is the same as once: acknowledged alerts are answered as they are")
    @Path("acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "批量确认已阅 Acknowledge several alerts",
            description = "全部确认或全部不确认：其中任何一条不存在或不在本人辖区时返回 404，不确认任何一条。")
    public List<Views.AlertView> acknowledgeAll(@Valid @NotNull Acknowledge body) {
        Locale locale = Messages.locale(headers);
        return alerts.acknowledgeAll(body.ids()).stream().map(a -> Views.AlertView.from(a, locale)).toList();
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "实时提醒（SSE） Live alerts as Server-Sent Events",
            description = "每条提醒为一个 alert 事件，id 为提醒编号；断线重连时带上 Last-Event-ID 即可补收其间的提醒。"
                    + "可用 since=<提醒编号> 代替；都不带时只推送此后的新提醒。")
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("since") Long since, @QueryParam("division") String division,
            @QueryParam("severity") List<String> severity) {
        QueryParams p = new QueryParams();
        String requested = p.division("division", division);
        Set<String> severities = p.severities("severity", severity);
        p.check();
        String scope = requested == null ? caller.division() : requested;
        caller.requireCovers(scope);
        Locale locale = Messages.locale(headers);
        long start = parse(lastEventId, since);
        AtomicLong cursor = new AtomicLong(start >= 0 ? start : alerts.latestId());
        Multi<Long> wakeUps = Multi.createBy().merging().streams(
                feed.ticks().onOverflow().drop(),
                Multi.createFrom().ticks().every(KEEP_ALIVE).map(t -> -1L).onOverflow().drop());
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(0L), wakeUps)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    List<Alerts.Seen> fresh = alerts.after(cursor.get(), scope, severities, 500);
                    if (fresh.isEmpty()) {
                        return tick < 0 ? List.of(sse.newEventBuilder().comment("keep-alive").build()) : List.of();
                    }
                    cursor.set(fresh.get(fresh.size() - 1).id());
                    return fresh.stream().map(a -> event(sse, Views.AlertView.from(a, locale))).toList();
                });
    }

    private OutboundSseEvent event(Sse sse, Views.AlertView alert) {
        try {
            return sse.newEventBuilder().name("alert").id(Long.toString(alert.id()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(json.writeValueAsString(alert)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a reconnecting client left off; -1 for "only what comes next". */
    private static long parse(String lastEventId, Long since) {
        if (lastEventId != null && lastEventId.strip().matches("\\d{1,18}")) {
            return Long.parseLong(lastEventId.strip());
        }
        return since != null && since >= 0 ? since : -1;
    }
}
