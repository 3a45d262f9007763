package org.beiqin.duty.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.duty.service.CalendarFeeds;
import org.beiqin.duty.service.Lookups;

/**
 * The subscription address a phone's calendar reads: no sign-in, the secret in the path is the
 * key. It shows the owner's shifts of the next 60 days and nothing else; a revoked or unknown
 * secret is a 404 that says how to get a new one.
 */
@Path("/api/duty/calendar")
@Tag(name = "我的值班 My duty")
@PermitAll
public class CalendarResource {

    @Inject
    CalendarFeeds calendars;

    @Inject
    Lookups lookups;

    @GET
    @Path("{token}.ics")
    @Produces("text/calendar;charset=UTF-8")
    @Operation(summary = "日历订阅（免登录） My shifts for a calendar subscription, by its secret address")
    public Response feed(@PathParam("token") String token) {
        return Response.ok(ShiftCalendar.write(calendars.shifts(token), "备勤值班", lookups))
                .header("Cache-Control", "private, max-age=300").build();
    }
}
