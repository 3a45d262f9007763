package org.beiqin.commons.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.problem.ProblemMappers;

/**
 * The claims every scoped query relies on, checked once for every endpoint of every service: a
 * signed token is still refused (401) when its {@code division} is missing or not a division code
 * (an empty or {@code %} prefix would otherwise match every township), when it claims a role its
 * division's level cannot hold (a county office's role on a township), or when it was issued for
 * longer than {@code beiqin.security.max-token-lifetime}. Requests without a token are left to
 * the endpoint's own rules.
 */
public class TokenClaimsFilter {

    private static final Logger LOG = Logger.getLogger(TokenClaimsFilter.class);

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @ConfigProperty(name = "beiqin.security.max-token-lifetime", defaultValue = "PT1H")
    Duration maxLifetime;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION + 1)
    public Response checkClaims(ContainerRequestContext request) {
        if (token == null || token.getRawToken() == null) {
            return null;
        }
        String reason = TokenRules.refusal(token.getClaim("division"), token.getGroups(), token.getIssuedAtTime(),
                token.getExpirationTime(), maxLifetime);
        if (reason == null) {
            return null;
        }
        LOG.warnf("token of '%s' refused: %s", token.getSubject(), reason);
        return ProblemMappers.problem(Messages.locale(request.getAcceptableLanguages()), 401, "token-claims-invalid",
                new Object[0], request.getUriInfo(), List.of(), Map.of());
    }
}
