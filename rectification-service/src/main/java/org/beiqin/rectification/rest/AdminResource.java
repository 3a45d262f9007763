package org.beiqin.rectification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.consumer.ConsumedEvents;
import org.beiqin.commons.idempotency.NotIdempotent;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.rectification.service.Escalation;

@Path("/api/rectification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "运维 Operations")
public class AdminResource {

    @Inject
    ConsumedEvents consumed;

    @Inject
    Escalation escalation;

    @Inject
    Caller caller;

    @GET
    @Path("quarantine")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "无法处理的事件 Events kept in quarantine",
            description = "无法解析或缺少必要字段的问题事件，连同原文和原因；其后的事件照常处理。"
                    + "只列出本人管辖范围内的事件（以及无法判断属于哪个区划的事件）。")
    public List<ConsumedEvents.Quarantined> quarantine(@QueryParam("limit") @DefaultValue("100") int limit) {
        return consumed.quarantined(caller.division(), Math.max(1, Math.min(limit, 1000)));
    }

    @POST
    @NotIdempotent("到期检查只按记录重新判定：重复执行不会重复提醒 "
            + "The deadline check re-derives from the records; running it again raises nothing twice")
    @Path("escalation")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "立即检查到期和逾期 Run the deadline check now",
            description = "通常每 15 分钟自动运行；另一副本正在运行时跳过（ran=false）。")
    public Escalation.Result escalate() {
        return escalation.sweep();
    }
}
