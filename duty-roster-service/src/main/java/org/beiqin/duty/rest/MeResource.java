package org.beiqin.duty.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.idempotency.NotIdempotent;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Roles;
import org.beiqin.duty.service.AttendanceService;
import org.beiqin.duty.service.CalendarFeeds;
import org.beiqin.duty.service.Commands;
import org.beiqin.duty.service.Lookups;
import org.beiqin.duty.service.SpotCheckFeed;
import org.beiqin.duty.service.SpotCheckService;

@Path("/api/duty/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "我的值班 My duty")
@RolesAllowed({Roles.DUTY_OFFICER, Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class MeResource {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    @Inject
    AttendanceService attendance;

    @Inject
    Lookups lookups;

    @Inject
    SpotCheckService spotChecks;

    @Inject
    SpotCheckFeed feed;

    @Inject
    CalendarFeeds calendars;

    @Inject
    Clock clock;

    @GET
    @Path("shifts")
    @Operation(summary = "我的班次 My shifts not yet over, soonest first",
            description = "days=14 只列出今后 14 天内开始的班次；不填则按 limit 列出。")
    public List<Views.ShiftView> next(@QueryParam("limit") @DefaultValue("10") int limit,
            @QueryParam("days") Integer days) {
        if (days != null) {
            QueryParams p = new QueryParams();
            p.range("days", days, 1, 366);
            p.check();
        }
        return Views.ShiftView.list(attendance.upcoming(attendance.me(), days, Math.max(1, Math.min(limit, 100))),
                lookups);
    }

    @GET
    @Path("shifts.ics")
    @Produces("text/calendar;charset=UTF-8")
    @Operation(summary = "我的班次（日历文件） My shifts as iCalendar")
    public Response calendar() {
        return Response.ok(ShiftCalendar.write(attendance.upcoming(200), "备勤值班", lookups))
                .header("Content-Disposition", "attachment; filename=\"duty-shifts.ics\"").build();
    }

    @GET
    @Path("calendar")
    @Operation(summary = "我的日历订阅 Whether my calendar subscription address is on")
    public CalendarFeeds.State calendarState() {
        return calendars.state();
    }

    @POST
    @NotIdempotent("每次生成新地址并作废旧地址，重放旧答复会给出已作废的地址 "
            + "Each call issues a new secret address and revokes the old one; a replayed answer could hand out a revoked address")
    @Path("calendar")
    @Operation(summary = "生成日历订阅地址 A new secret calendar address (replaces the old one)",
            description = "地址只在此时显示一次；手机日历用它订阅，无需登录。再次生成即作废旧地址。")
    public Response newCalendar() {
        String token = calendars.renew();
        String path = "/api/duty/calendar/" + token + ".ics";
        return Response.status(201).entity(Map.of("path", path, "state", calendars.state())).build();
    }

    @DELETE
    @Path("calendar")
    @Operation(summary = "停用日历订阅地址 Revoke my calendar address")
    public Response revokeCalendar() {
        calendars.revoke();
        return Response.noContent().build();
    }

    @POST
    @Idempotent
    @Path("check-in")
    @Operation(summary = "签到 Check in to my current shift",
            description = "班次开始前 30 分钟至结束之间可签到；开始后签到记为迟到。")
    public Views.ShiftView checkIn(@HeaderParam(Idempotency.HEADER) String key, Commands.CheckIn command) {
        return Views.ShiftView.from(attendance.checkIn(command == null ? null : command.location()), lookups);
    }

    @POST
    @Idempotent
    @Path("check-out")
    @Operation(summary = "签退 Check out")
    public Views.ShiftView checkOut(@HeaderParam(Idempotency.HEADER) String key) {
        return Views.ShiftView.from(attendance.checkOut(), lookups);
    }

    @GET
    @Path("spot-checks")
    @Operation(summary = "待我应答的查岗 Spot checks waiting for my answer")
    public List<Views.SpotCheckView> spotChecks() {
        return Views.SpotCheckView.list(spotChecks.mine(attendance.me()), clock.instant(), lookups);
    }

    @GET
    @Path("spot-checks/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "查岗实时提醒（SSE） A spot-check event whenever a check is sent to me or answered",
            description = "事件不带内容：收到 spot-check 事件后读取 /api/duty/me/spot-checks。每 20 秒一条保活注释。")
    public Multi<OutboundSseEvent> spotCheckStream(@Context Sse sse) {
        Set<String> members = new HashSet<>();
        for (UUID id : attendance.me()) {
            members.add(id.toString());
        }
        Multi<OutboundSseEvent> changes = feed.changes((member, division) -> members.contains(member))
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().name("spot-check").data("{}").build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(
                Multi.createFrom().item(sse.newEventBuilder().name("spot-check").data("{}").build()), changes, keepAlive);
    }
}
