package org.beiqin.rectification.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Roles;
import org.beiqin.rectification.service.Notices;
import org.beiqin.rectification.service.Statistics;

@Path("/api/rectification")
@Tag(name = "统计与通报 Statistics and public notice")
@RolesAllowed({Roles.KEEPER, Roles.DUTY_OFFICER, Roles.COUNTY_OFFICE, Roles.ADMIN})
public class ReportResource {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";

    @Inject
    Statistics statistics;

    @Inject
    Notices notices;

    @Context
    HttpHeaders headers;

    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "整改统计 Totals per county, township, division, unit or rule",
            description = "统计区间内首次发现的问题：各状态数量、事项和措施完成率（保留一位小数，只舍不入）、平均销号天数、复发次数。"
                    + "默认区间为今年 1 月 1 日至今天。")
    public Statistics.Report statistics(@QueryParam("division") String division, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("groupBy") @DefaultValue("township") String groupBy) {
        QueryParams.Scope scope = QueryParams.scope(division, from, to);
        return statistics.report(scope.division(), scope.from(), scope.to(), Statistics.GroupBy.parse(groupBy),
                Messages.locale(headers));
    }

    @GET
    @Path("notice")
    @Produces({MediaType.TEXT_HTML + ";charset=UTF-8", MARKDOWN})
    @Operation(summary = "整改情况通报 The public notice",
            description = "format=html（默认，网页）或 markdown（下载文件）。总体情况在前，其后逐项列出问题、措施和整改结果。")
    public Response notice(@QueryParam("division") String division, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") @DefaultValue("html") String format) {
        QueryParams.Scope s = QueryParams.scope(division, from, to);
        return switch (format) {
            case "html" -> Response.ok(stream(notices.scope(s.division(), s.from(), s.to()), notices::html),
                    MediaType.TEXT_HTML + ";charset=UTF-8").build();
            case "markdown", "md" -> Response.ok(stream(notices.scope(s.division(), s.from(), s.to()), notices::markdown),
                    MARKDOWN)
                    .header("Content-Disposition", Downloads.attachment(
                            notices.fileName(s.division(), s.from(), s.to(), "整改情况通报", "md")))
                    .build();
            default -> throw ProblemException.unprocessable("format-invalid", format, "html, markdown");
        };
    }

    private interface NoticeWriter {
        void write(Notices.Scope scope, Writer out) throws IOException;
    }

    /** The notice written to the response as it is rendered, in UTF-8. */
    private static StreamingOutput stream(Notices.Scope scope, NoticeWriter writer) {
        return out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            writer.write(scope, text);
            text.flush();
        };
    }
}
