package org.beiqin.rectification.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Divisions;
import org.beiqin.commons.security.Roles;
import org.beiqin.contract.Rule;
import org.beiqin.rectification.service.DivisionNames;

/** What screens name things by: the division registry and the rules with their Chinese titles. */
@Path("/api/rectification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "区划与规则 Divisions and rules")
@RolesAllowed({Roles.KEEPER, Roles.DUTY_OFFICER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class ReferenceResource {

    @Inject
    DivisionNames divisions;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    public record RuleView(String code, String title, String severity) {
    }

    public record Registry(List<DivisionNames.Entry> divisions, List<String> unnamed) {
    }

    @Schema(description = "区划名称；新登记时不带 version，改名时带读取时的 version")
    public record DivisionName(@NotBlank @Size(max = 50) String name, @PositiveOrZero Integer version) {
    }

    @GET
    @Path("divisions")
    @Operation(summary = "区划名录 The division registry of the caller's county",
            description = "县、乡镇、村的代码、名称和上级；unnamed 列出台账中使用却未登记名称的区划代码"
                    + "（数据错误，由管理员补登；只对县级管理员和县应急办列出）。")
    public Registry registry() {
        String county = Divisions.county(caller.division());
        // the codes nobody has named are the county administrator's to fix, and his to see
        boolean keeper = Divisions.isCounty(caller.division())
                && (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.COUNTY_OFFICE));
        return new Registry(divisions.under(county), keeper ? divisions.unnamed(county) : List.of());
    }

    @PUT
    @Path("divisions/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "登记或更改区划名称 Name or rename a division of the county",
            description = "仅县级管理员，且限本县；上级区划须已登记。")
    public DivisionNames.Entry name(@PathParam("code") String code, @Valid @NotNull DivisionName body) {
        return divisions.put(code, body.name(), body.version());
    }

    @GET
    @Path("rules")
    @Operation(summary = "规则名称 The rules findings are raised by, with their titles")
    public List<RuleView> rules() {
        var locale = Messages.locale(headers);
        return Arrays.stream(Rule.values())
                .map(r -> new RuleView(r.name(), Messages.get(locale, "rule." + r.name()),
                        r.defaultSeverity().name().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
