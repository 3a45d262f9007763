package org.beiqin.commons.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Some failures are answered by the framework itself with an empty body (a truncated JSON body,
 * for one). Every error response still leaves as problem+json.
 */
public class BareErrorFilter {

    @ServerResponseFilter
    public void problemForBareErrors(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        int status = response.getStatus();
        String type = status == 400 ? "malformed-body"
                : Messages.find(Messages.CHINESE, "http-" + status + ".title") != null ? "http-" + status : "http-error";
        Response problem = ProblemMappers.respond(Messages.locale(request.getAcceptableLanguages()), status, type,
                new Object[] {status}, request.getUriInfo(),
                List.of(), Map.of());
        response.setEntity(problem.getEntity(), null, MediaType.valueOf(Problem.MEDIA_TYPE
                + ";charset=UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, problem.getHeaderString(HttpHeaders.CONTENT_LANGUAGE));
    }
}
