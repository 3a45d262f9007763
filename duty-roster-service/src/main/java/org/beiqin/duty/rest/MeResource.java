package org.beiqin.duty.rest;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.security.Roles;
import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;
import org.beiqin.duty.service.AttendanceService;
import org.beiqin.duty.service.Commands;
import org.beiqin.duty.service.SpotCheckService;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;
import biweekly.component.VEvent;
import biweekly.property.Summary;

@Path("/api/duty/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "我的值班 My duty")
@RolesAllowed({Roles.DUTY_OFFICER, Roles.KEEPER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class MeResource {

    /**
     * Beijing time written out as a VTIMEZONE of our own (no daylight saving since 1991), so that
     * the calendar shows the duty room's times and nothing is fetched from a time-zone server.
     */
    private static final TimezoneAssignment BEIJING = beijing();

    @Inject
    AttendanceService attendance;

    @Inject
    SpotCheckService spotChecks;

    @Inject
    Clock clock;

    @GET
    @Path("shifts")
    @Operation(summary = "我的下一个班次 My next shifts")
    public List<Views.ShiftView> next(@QueryParam("limit") @DefaultValue("10") int limit) {
        return attendance.upcoming(Math.max(1, Math.min(limit, 100))).stream().map(Views.ShiftView::from).toList();
    }

    @GET
    @Path("shifts.ics")
    @Produces("text/calendar;charset=UTF-8")
    @Operation(summary = "我的班次（日历文件） My shifts as iCalendar")
    public Response calendar() {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Beiqin//duty-roster//ZH");
        for (Shift shift : attendance.upcoming(200)) {
            Member member = Member.findById(shift.memberId);
            VEvent event = new VEvent();
            event.setUid(shift.id + "@beiqin");
            event.setSummary(new Summary(Shift.DutyRole.valueOf(shift.dutyRole).zh + "：" + member.name));
            event.setDateStart(Date.from(shift.startsAt));
            event.setDateEnd(Date.from(shift.endsAt));
            event.setDescription("区划 " + shift.division + "；签到：POST /api/duty/me/check-in");
            calendar.addEvent(event);
        }
        calendar.getTimezoneInfo().setDefaultTimezone(BEIJING);
        return Response.ok(Biweekly.write(calendar).go())
                .header("Content-Disposition", "attachment; filename=\"duty-shifts.ics\"").build();
    }

    @POST
    @Path("check-in")
    @Operation(summary = "签到 Check in to my current shift",
            description = "班次开始前 30 分钟至结束之间可签到；开始后签到记为迟到。")
    public Views.ShiftView checkIn(Commands.CheckIn command) {
        return Views.ShiftView.from(attendance.checkIn(command == null ? null : command.location()));
    }

    @POST
    @Path("check-out")
    @Operation(summary = "签退 Check out")
    public Views.ShiftView checkOut() {
        return Views.ShiftView.from(attendance.checkOut());
    }

    @GET
    @Path("spot-checks")
    @Operation(summary = "待我应答的查岗 Spot checks waiting for my answer")
    public List<Views.SpotCheckView> spotChecks() {
        return spotChecks.mine(attendance.me()).stream().map(c -> Views.SpotCheckView.from(c, clock.instant()))
                .toList();
    }

    private static TimezoneAssignment beijing() {
        VTimezone zone = new VTimezone("Asia/Shanghai");
        StandardTime standard = new StandardTime();
        standard.setDateStart(new DateTimeComponents(1991, 9, 15, 0, 0, 0, false));
        standard.setTimezoneOffsetFrom(new UtcOffset(true, 8, 0));
        standard.setTimezoneOffsetTo(new UtcOffset(true, 8, 0));
        standard.addTimezoneName("CST");
        zone.addStandardTime(standard);
        return new TimezoneAssignment(TimeZone.getTimeZone(ZoneId.of("Asia/Shanghai")), zone);
    }
}
