package org.beiqin.commons.security;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * The claims every scoped query relies on, checked once, as part of authentication, for every
 * endpoint of every service: a signed token is still not a sign-in (401, before any role or
 * division is looked at) when its {@code division} is missing or not a division code (an empty
 * or {@code %} prefix would otherwise match every township), when it claims a role its division's
 * level cannot hold (the county office's role on a township), or when it was issued for longer
 * than {@code beiqin.security.max-token-lifetime}. See {@link TokenRules}.
 */
@ApplicationScoped
public class TokenClaimsAugmentor implements SecurityIdentityAugmentor {

    /** The attribute of the failure that names the problem type the answer carries. */
    public static final String PROBLEM = "beiqin.problem";

    private static final Logger LOG = Logger.getLogger(TokenClaimsAugmentor.class);

    @ConfigProperty(name = "beiqin.security.max-token-lifetime", defaultValue = "PT1H")
    Duration maxLifetime;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String reason = TokenRules.refusal(token.getClaim("division"), token.getGroups(), token.getIssuedAtTime(),
                token.getExpirationTime(), maxLifetime);
        if (reason == null) {
            return Uni.createFrom().item(identity);
        }
        LOG.warnf("token of '%s' refused: %s", token.getSubject(), reason);
        return Uni.createFrom().failure(new AuthenticationFailedException("token claims: " + reason,
                Map.of(PROBLEM, "token-claims-invalid")));
    }
}
