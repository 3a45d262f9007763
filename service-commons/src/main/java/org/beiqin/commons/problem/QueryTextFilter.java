package org.beiqin.commons.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.beiqin.commons.json.NoControlCharacters;

/**
 * The query string's share of {@link NoControlCharacters}: a {@code %00} in any query or path
 * parameter is a 400 naming it, for every endpoint, before anything reads it.
 */
public class QueryTextFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (NoControlCharacters.contains(path)) {
            return refuse(request, "path");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (NoControlCharacters.contains(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(NoControlCharacters::contains)) {
                return refuse(request, parameter.getKey().replace('\u0000', '?'));
            }
        }
        return null;
    }

    private static Response refuse(ContainerRequestContext request, String name) {
        return ProblemMappers.respond(Messages.locale(request.getAcceptableLanguages()), 400,
                "query-control-character", new Object[] {name}, request.getUriInfo(),
                List.of(new Problem.InvalidField(name, Messages.get(Messages.locale(request.getAcceptableLanguages()),
                        "json.control-character"))),
                Map.of());
    }
}
