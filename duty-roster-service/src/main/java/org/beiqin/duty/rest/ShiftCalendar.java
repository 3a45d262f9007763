package org.beiqin.duty.rest;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Summary;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

import org.beiqin.commons.time.ClockProducer;
import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;
import org.beiqin.duty.service.Lookups;

/** Shifts as an iCalendar document, in Beijing time, for a download or a phone's subscription. */
final class ShiftCalendar {

    /**
     * Beijing time written out as a VTIMEZONE of our own (no daylight saving since 1991), so that
     * the calendar shows the duty room's times and nothing is fetched from a time-zone server.
     */
    private static final TimezoneAssignment BEIJING = beijing();

    private ShiftCalendar() {
    }

    static String write(List<Shift> shifts, String name, Lookups lookups) {
        Map<UUID, Member> members = lookups.members(shifts.stream().map(s -> s.memberId).toList());
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Beiqin//duty-roster//ZH");
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        calendar.setExperimentalProperty("X-PUBLISHED-TTL", "PT1H");
        for (Shift shift : shifts) {
            Member member = members.get(shift.memberId);
            VEvent event = new VEvent();
            event.setUid(shift.id + "@beiqin");
            event.setSummary(new Summary("值班（" + shift.dutyRole.zh + "）：" + member.name));
            event.setDateStart(Date.from(shift.startsAt));
            event.setDateEnd(Date.from(shift.endsAt));
            event.setDescription("班次开始前 30 分钟起可在备勤“我的值班”中签到。");
            calendar.addEvent(event);
        }
        calendar.getTimezoneInfo().setDefaultTimezone(BEIJING);
        return Biweekly.write(calendar).go();
    }

    private static TimezoneAssignment beijing() {
        VTimezone zone = new VTimezone("Asia/Shanghai");
        StandardTime standard = new StandardTime();
        standard.setDateStart(new DateTimeComponents(1991, 9, 15, 0, 0, 0, false));
        standard.setTimezoneOffsetFrom(new UtcOffset(true, 8, 0));
        standard.setTimezoneOffsetTo(new UtcOffset(true, 8, 0));
        standard.addTimezoneName("CST");
        zone.addStandardTime(standard);
        return new TimezoneAssignment(TimeZone.getTimeZone(ClockProducer.CHINA), zone);
    }
}
