package org.beiqin.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code beiqin.gateway.*}: where the services are, how tokens are issued, when sign-in locks. */
@ConfigMapping(prefix = "beiqin.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name ({@code warehouse-service} …). */
    Map<String, Route> routes();

    /** How long to wait for a service to accept the connection. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long to wait for a service's response to begin. Streams (the alert feed) run on once
     * begun.
     */
    @WithDefault("120s")
    Duration responseTimeout();

    /**
     * How often each replica of a service with more than one is asked whether it is ready
     * ({@code /q/health/ready}). A replica that refuses a connection is skipped at once, without
     * waiting for its next check.
     */
    @WithDefault("2s")
    Duration healthInterval();

    Tokens tokens();

    Lockout lockout();

    /** The first administrator, created at start when no user exists yet and a name and password are set. */
    Bootstrap bootstrapAdmin();

    interface Route {
        /** Path prefix, {@code /api/warehouse}. */
        String prefix();

        /**
         * Base address of each replica, {@code http://127.0.0.1:8081} or, comma-separated,
         * {@code http://127.0.0.1:8081,http://127.0.0.1:8181}: requests take turns over the ready ones.
         */
        List<URI> url();

        /**
         * Paths under the prefix that answer GET without a token because the path itself holds a
         * secret the service checks (a phone calendar's subscription address).
         */
        Optional<List<String>> publicGets();

        /** Where its OpenAPI document is, relative to each of {@link #url()}. */
        @WithDefault("/q/openapi?format=json")
        String openapi();
    }

    interface Tokens {
        /** {@code iss} of issued tokens; the services verify the same value. */
        String issuer();

        @WithDefault("PT15M")
        Duration accessLifespan();

        /** A refresh token lasts long enough for a keeper's phone to stay signed in through a week offline. */
        @WithDefault("P14D")
        Duration refreshLifespan();

        /**
         * A replaced refresh token presented again within this time of its replacement is taken for
         * a second tab refreshing at the same moment: refused, but the sign-in is kept. Later, it is
         * a stolen copy and the whole sign-in ends.
         */
        @WithDefault("PT10S")
        Duration reuseGrace();

        /** The RS256 signing key (PEM, {@code file:} or class path). */
        String privateKeyLocation();

        /** The matching public key, published for the services. */
        String publicKeyLocation();
    }

    interface Lockout {
        /** Failed sign-ins under one name before it is locked. */
        @WithDefault("5")
        int maxFailures();

        /** How long the first lock lasts; each further lock doubles it, up to {@link #maxDuration()}. */
        @WithDefault("PT5M")
        Duration duration();

        @WithDefault("PT1H")
        Duration maxDuration();

        /** Failures older than this are forgotten. */
        @WithDefault("PT1H")
        Duration window();
    }

    interface Bootstrap {
        /** Unset (BEIQIN_ADMIN_USERNAME empty) means no first administrator is made. */
        Optional<String> username();

        Optional<String> password();

        @WithDefault("系统管理员")
        String displayName();

        @WithDefault("410182")
        String division();
    }
}
