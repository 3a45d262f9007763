package org.beiqin.drill.rest;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.idempotency.NotIdempotent;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.contract.Discrepancy;
import org.beiqin.drill.DeadlineChange;
import org.beiqin.drill.Drill;
import org.beiqin.drill.rules.DrillSweep;
import org.beiqin.drill.service.Commands;
import org.beiqin.drill.service.DrillQueries;
import org.beiqin.drill.service.DrillService;

@Path("/api/drills")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "应急演练 Drills")
@RolesAllowed({Roles.KEEPER, Roles.DUTY_OFFICER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class DrillResource {

    @Inject
    DrillService drills;

    @Inject
    DrillQueries queries;

    @Inject
    Discrepancies discrepancies;

    @Inject
    DrillSweep sweep;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "演练列表 Drills, with evaluation status and open improvement actions",
            description = "按区划前缀（默认本人辖区）和计划日期筛选，按计划日期倒序。")
    public List<Views.DrillSummary> list(@QueryParam("division") String division, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        QueryParams.Scope scope = QueryParams.scope(division, from, to);
        return queries.list(scope.division(), scope.from(), scope.to()).stream().map(Views.DrillSummary::from).toList();
    }

    @POST
    @Idempotent
    @Operation(summary = "新建演练方案（草拟） Create a drill plan (draft)")
    @APIResponse(responseCode = "201", description = "已建 Created")
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull Commands.Plan plan) {
        Drill drill = drills.create(plan);
        return Response.created(URI.create("/api/drills/" + drill.id)).entity(detail(drill)).build();
    }

    @POST
    @Idempotent
    @Path("import")
    @Operation(summary = "导入历史演练记录 Import an old drill record",
            description = "照原样接收（不拒收），由规则标记评估早于方案、无评估、物资未动用、联系人或岗位缺失等问题。")
    @APIResponse(responseCode = "201", description = "已导入 Imported")
    public Response importHistory(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Imported record) {
        Drill drill = drills.importHistory(record);
        return Response.created(URI.create("/api/drills/" + drill.id)).entity(detail(drill)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "演练详情 One drill: plan, conduct, evaluation, actions, supplies drawn")
    public Views.DrillDetail get(@PathParam("id") UUID id) {
        return detail(drills.visible(id));
    }

    @PUT
    @Path("{id}/plan")
    @Operation(summary = "修改草拟的方案 Edit a draft plan", description = "须带 If-Match: 版本号（读取时的 version）。")
    public Views.DrillDetail updatePlan(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Commands.Plan plan) {
        return detail(drills.updatePlan(id, plan, version(ifMatch)));
    }

    @PUT
    @Path("{id}/units")
    @Operation(summary = "补全参演单位及联系人 Complete the units and their contacts")
    public Views.DrillDetail units(@PathParam("id") UUID id, @Valid @NotNull Commands.Units units) {
        return detail(drills.updateUnits(id, units));
    }

    @PUT
    @Path("{id}/participants")
    @Operation(summary = "补全参演人员及岗位任务 Complete the participants and their tasks")
    public Views.DrillDetail participants(@PathParam("id") UUID id,
            @Valid @NotNull Commands.Participants participants) {
        return detail(drills.updateParticipants(id, participants));
    }

    @POST
    @Idempotent
    @Path("{id}/approval")
    @Operation(summary = "批准方案 Approve the plan",
            description = "参演单位须有联系人和电话，参演人员须有岗位任务，否则 422 并逐项指出。")
    public Views.DrillDetail approve(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key) {
        return detail(drills.approve(id));
    }

    @POST
    @Idempotent
    @Path("{id}/conduct")
    @Operation(summary = "记录实施 Record the drill as held",
            description = "仓库为演练出库时，在出库记录的 reference 中填写 {\"type\":\"drill\",\"id\":演练编号}。")
    public Views.DrillDetail conduct(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Conduct conduct) {
        return detail(drills.conduct(id, conduct));
    }

    @POST
    @Idempotent
    @Path("{id}/evaluation")
    @Operation(summary = "提交总结评估 File the evaluation",
            description = "每项目标评为 P/S/M/U；评估日期不得早于方案批准和演练实施（否则 422 evaluation-before-plan）。")
    public Response evaluate(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Evaluate evaluation) {
        return Response.status(201).entity(detail(drills.evaluate(id, evaluation))).build();
    }

    @PUT
    @Path("{id}/evaluation/date")
    @Operation(summary = "更正评估日期 Correct the evaluation's date")
    public Views.DrillDetail correctDate(@PathParam("id") UUID id, @Valid @NotNull Commands.EvaluationDate date) {
        return detail(drills.correctEvaluationDate(id, date.evaluatedOn()));
    }

    @POST
    @Idempotent
    @Path("{id}/actions/{actionId}/completion")
    @Operation(summary = "改进措施完成 Mark an improvement action done, with evidence")
    public Views.ActionView actionDone(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.ActionDone done) {
        return Views.ActionView.from(drills.actionDone(id, actionId, done), DeadlineChange.of(List.of(actionId)));
    }

    @PUT
    @Path("{id}/actions/{actionId}/deadline")
    @Operation(summary = "调整改进措施时限 Move an improvement action's deadline, with a reason",
            description = "县应急办（延期批准）或组织演练的单位可调整；新时限不早于今天，理由和原时限留档。")
    @APIResponse(responseCode = "403", description = "无权调整 Only the county office or the organising division")
    @APIResponse(responseCode = "409", description = "措施已完成或已被他人修改 Done already, or changed meanwhile")
    public Views.ActionView deadline(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
            @Valid @NotNull Commands.Deadline change) {
        return Views.ActionView.from(drills.changeDeadline(id, actionId, change),
                DeadlineChange.of(List.of(actionId)));
    }

    @POST
    @Idempotent
    @Path("{id}/cancellation")
    @Operation(summary = "取消演练 Cancel the drill")
    public Views.DrillDetail cancel(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Commands.Cancel cancel) {
        return detail(drills.cancel(id, cancel.reason()));
    }

    @GET
    @Path("three-outages")
    @Operation(summary = "“三断”演练开展情况 Which townships drilled network, power and road outage",
            description = "season 为汛期年份（默认今年）：各乡镇在汛期前 12 个月内是否开展过断网、断电、断路演练。")
    public List<Views.ThreeOutages> threeOutages(@QueryParam("division") String division,
            @QueryParam("season") Integer season) {
        int year = season == null ? LocalDate.now(clock.withZone(CHINA)).getYear()
                : season;
        return queries.threeOutages(QueryParams.division(division), year).stream().map(Views.ThreeOutages::from).toList();
    }

    @GET
    @Path("actions")
    @Operation(summary = "未完成的整改措施 Open improvement actions of a division's drills, soonest deadline first",
            description = "按区划前缀（默认本人辖区）列出各演练评估后尚未完成的整改措施，按完成时限排序；limit 默认 100，最多 500，"
                    + "total 为全部条数。")
    public Views.OpenActions openActions(@QueryParam("division") String division, @QueryParam("limit") String limit) {
        QueryParams p = new QueryParams();
        String scope = p.division("division", division);
        int count = 100;
        if (limit != null) {
            try {
                count = p.range("limit", Integer.parseInt(limit.strip()), 1, 500);
            } catch (NumberFormatException e) {
                p.reject("limit");
            }
        }
        p.check();
        return Views.OpenActions.from(queries.openActions(scope, count));
    }

    @GET
    @Path("discrepancies")
    @Operation(summary = "未消除的演练问题 Open drill findings in your division")
    public List<Discrepancy> open() {
        return discrepancies.openIn(caller.division());
    }

    @POST
    @NotIdempotent("立即检查只按记录重新判定：重复执行不会多出问题 "
            + "A sweep re-derives findings from the records; running it again finds nothing new")
    @Path("sweep")
    @RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "立即检查到期规则 Run the time-based rules now")
    public Response runSweep() {
        return Response.ok(Map.of("ran", sweep.sweep())).build();
    }

    private Views.DrillDetail detail(Drill drill) {
        return Views.DrillDetail.from(drill, queries.evaluation(drill.id), queries.actions(drill.id),
                queries.drawn(drill.id));
    }

    private static int version(String ifMatch) {
        String v = ifMatch == null ? "" : ifMatch.replace("W/", "").replace("\"", "").strip();
        if (!v.matches("\\d{1,9}")) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("If-Match", "constraint.Pattern")));
        }
        return Integer.parseInt(v);
    }
}
