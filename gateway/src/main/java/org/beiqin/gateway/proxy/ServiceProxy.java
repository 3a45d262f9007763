package org.beiqin.gateway.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.problem.Problem;
import org.beiqin.gateway.config.GatewayConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The one entry point: {@code /api/warehouse/**} and the other service prefixes are streamed to
 * their service with the caller's token and {@code Accept-Language}. The token is checked here
 * first (the services check it again, and the division scope, themselves). A service may run as
 * several replicas: requests take turns over the ready ones, and one that refuses the connection
 * is passed over for the next at once (nothing was sent to it, so even a POST is safe to send on).
 * Only a service none of whose replicas takes the connection, or one that does not answer in
 * time, gets a problem+json 503/504 naming it, never a hang. A replica that dies while it holds a
 * request (or on a kept-alive connection already taken for one) also gets the caller a 503: the
 * request may have been applied, so it is the caller's to resend (with its Idempotency-Key).
 * Bodies and responses are streamed, not buffered, so the alert feed (SSE) flows through.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    /** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    JWTParser jwt;

    @Inject
    ObjectMapper json;

    /** One secret name under a public path: {@code <43 url-safe characters>.ics}. */
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9_-]{16,200}(\\.[a-z]{2,5})?");

    private HttpClient client;
    private long healthTimer = -1;

    void routes(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setName("beiqin-gateway"));
        Map<String, Replicas> replicated = new LinkedHashMap<>();
        config.routes().forEach((name, route) -> {
            Replicas replicas = new Replicas(route.url());
            if (replicas.size() > 1) {
                replicated.put(name, replicas);
            }
            router.route(route.prefix() + "/*").handler(context -> forward(context, name, route, replicas));
        });
        if (!replicated.isEmpty()) {
            healthTimer = vertx.setPeriodic(config.healthInterval().toMillis(),
                    tick -> replicated.forEach(this::probe));
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (healthTimer >= 0) {
            vertx.cancelTimer(healthTimer);
        }
        if (client != null) {
            client.close();
        }
    }

    /** Asks each replica whether it is ready; what it answers (or fails to) decides its turn. */
    private void probe(String service, Replicas replicas) {
        for (int i = 0; i < replicas.size(); i++) {
            int replica = i;
            URI address = replicas.address(replica);
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(address.getHost())
                    .setPort(address.getPort()).setURI("/q/health/ready")
                    .setTimeout(Math.max(500, config.healthInterval().toMillis()));
            client.request(options)
                    .compose(request -> request.send().compose(response -> response.body()
                            .map(ignored -> response.statusCode() == 200)))
                    .onComplete(answered -> {
                        boolean ready = answered.succeeded() && answered.result();
                        if (ready != replicas.isReady(replica)) {
                            LOG.infof("%s replica %s is %s", service, address, ready ? "ready again" : "not ready");
                        }
                        replicas.mark(replica, ready);
                    });
        }
    }

    private void forward(RoutingContext context, String service, GatewayConfig.Route route, Replicas replicas) {
        HttpServerRequest in = context.request();
        // the public prefix this GET falls under, if any: decides the token check and what logs show
        String open = in.method() == HttpMethod.GET ? publicPrefix(context, route) : null;
        String logged = open == null ? in.path() : open + "…";
        in.pause();
        if (open == null && !authenticated(in)) {
            problem(context, 401, "unauthorized", service);
            return;
        }
        attempt(context, service, logged, replicas, replicas.order().iterator(), forwardedHeaders(in));
    }

    /** Connects to the next replica in turn; one that refuses is passed over for the one after. */
    private void attempt(RoutingContext context, String service, String logged, Replicas replicas,
            Iterator<Integer> turns, MultiMap headers) {
        HttpServerRequest in = context.request();
        int replica = turns.next();
        URI target = replicas.address(replica);
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(target.getHost())
                .setPort(target.getPort())
                .setURI(in.uri())
                .setHeaders(headers);
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                LOG.warnf("%s unreachable at %s for %s %s: %s", service, target, in.method(), logged,
                        connected.cause().toString());
                replicas.mark(replica, false);
                if (turns.hasNext() && !context.response().closed()) {
                    attempt(context, service, logged, replicas, turns, headers);
                } else {
                    problem(context, 503, "service-unavailable", service);
                }
                return;
            }
            HttpClientRequest out = connected.result();
            long timer = vertx.setTimer(config.responseTimeout().toMillis(), t -> {
                if (out.reset()) {
                    LOG.warnf("%s did not answer %s %s within %s", service, in.method(), logged,
                            config.responseTimeout());
                    problem(context, 504, "service-timeout", service);
                }
            });
            out.response().onComplete(answered -> {
                vertx.cancelTimer(timer);
                if (answered.failed()) {
                    if (!context.response().headWritten() && !context.response().ended()) {
                        LOG.warnf("%s failed %s %s: %s", service, in.method(), logged, answered.cause().toString());
                        problem(context, 503, "service-unavailable", service);
                    }
                    return;
                }
                relay(context, answered.result(), out);
            });
            if (in.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
                out.setChunked(true);
            }
            in.pipeTo(out).onFailure(failed -> out.reset());
        });
    }

    private void relay(RoutingContext context, HttpClientResponse upstream, HttpClientRequest out) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            out.reset();
            return;
        }
        response.setStatusCode(upstream.statusCode());
        upstream.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        if (!upstream.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        // a client that leaves (a closed alert feed) ends the upstream request too
        response.closeHandler(closed -> out.reset());
        upstream.pipeTo(response);
    }

    /**
     * The public prefix a path lies under: one name directly under a path the route lists as public
     * (its secret is the name; the service checks it). The decoded, normalised path is what counts,
     * and the name may hold only letters, digits and {@code _ -} (and one extension): no way up, no
     * way into another resource.
     */
    private static String publicPrefix(RoutingContext context, GatewayConfig.Route route) {
        if (route.publicGets().isEmpty() || context.request().uri().contains("%")) {
            return null;
        }
        String path = context.normalizedPath();
        for (String prefix : route.publicGets().get()) {
            if (path.startsWith(prefix) && SECRET_NAME.matcher(path.substring(prefix.length())).matches()) {
                return prefix;
            }
        }
        return null;
    }

    private boolean authenticated(HttpServerRequest in) {
        String authorization = in.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            jwt.parse(authorization.substring(7).trim());
            return true;
        } catch (ParseException | RuntimeException refused) {
            return false;
        }
    }

    private static MultiMap forwardedHeaders(HttpServerRequest in) {
        MultiMap headers = in.headers();
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                copy.add(header.getKey(), header.getValue());
            }
        });
        String peer = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        if (peer != null) {
            String before = headers.get("X-Forwarded-For");
            copy.set("X-Forwarded-For", before == null ? peer : before + ", " + peer);
        }
        copy.set("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            copy.set("X-Forwarded-Host", in.authority().toString());
        }
        return copy;
    }

    private void problem(RoutingContext context, int status, String type, String service) {
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Locale locale = Messages.locale(languages(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        String serviceName = Messages.get(locale, "service." + service);
        Problem body = new Problem(Problem.TYPE_PREFIX + type, Messages.get(locale, type + ".title", serviceName),
                status, Messages.find(locale, type + ".detail", serviceName), context.request().path(), List.of(),
                status == 401 ? Map.of() : Map.of("service", service));
        try {
            response.setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=UTF-8")
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
            if (status == 503) {
                response.putHeader("Retry-After", "5");
            }
            if (status == 401) {
                response.putHeader("WWW-Authenticate", "Bearer");
            }
            response.end(json.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<Locale> languages(String header) {
        List<Locale> locales = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return locales;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                locales.add(Locale.forLanguageTag(range.getRange()));
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed Accept-Language gets the default language
        }
        return locales;
    }
}
