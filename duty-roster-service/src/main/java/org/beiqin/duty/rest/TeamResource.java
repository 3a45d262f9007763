package org.beiqin.duty.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Roles;
import org.beiqin.duty.Member;
import org.beiqin.duty.Team;
import org.beiqin.duty.service.Commands;
import org.beiqin.duty.service.TeamService;

@Path("/api/duty/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "应急救援队伍 Teams")
@RolesAllowed({Roles.KEEPER, Roles.DUTY_OFFICER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class TeamResource {

    @Inject
    TeamService teams;

    @GET
    @Operation(summary = "队伍列表 Teams in your division")
    public List<Views.TeamView> list(@QueryParam("division") String division) {
        return teams.teams(QueryParams.division(division)).stream().map(Views.TeamView::from).toList();
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN, Roles.KEEPER})
    @Operation(summary = "新建队伍 Create a team", description = "level 为 township（乡级，≥30 人）或 village（村级，≥10 人）。")
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull Commands.NewTeam command) {
        Team team = teams.create(command);
        return Response.created(URI.create("/api/duty/teams/" + team.id)).entity(Views.TeamView.from(team)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "队伍及队员 A team and its members")
    public Views.TeamDetail get(@PathParam("id") UUID id) {
        Team team = teams.team(id);
        return new Views.TeamDetail(Views.TeamView.from(team),
                teams.members(id).stream().map(Views.MemberView::from).toList());
    }

    @POST
    @Idempotent
    @Path("{id}/members")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN, Roles.KEEPER})
    @Operation(summary = "增加队员 Add a member")
    public Response addMember(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.NewMember command) {
        Member member = teams.addMember(id, command);
        return Response.created(URI.create("/api/duty/teams/" + id + "/members/" + member.id))
                .entity(Views.MemberView.from(member)).build();
    }

    @PUT
    @Path("{id}/members/{memberId}")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN, Roles.KEEPER})
    @Operation(summary = "修改队员 Change a member: status, phone, roles, listed",
            description = "辞职（RESIGNED）、调离（TRANSFERRED）后须移出名单（listed=false）并交出职务和班次。须带 version。")
    public Views.MemberView change(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
            @Valid @NotNull Commands.MemberChange command) {
        return Views.MemberView.from(teams.change(id, memberId, command));
    }

    @GET
    @Path("{id}/members/{memberId}/audit")
    @Operation(summary = "队员变更记录 Who changed the member, when, before and after")
    public List<Views.AuditView> audit(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        return teams.memberAudit(id, memberId).stream().map(Views.AuditView::from).toList();
    }
}
