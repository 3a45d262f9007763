package org.beiqin.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Two replicas of a small service, {@code probe-service} under {@code /api/probe}, for the
 * gateway's balancing tests: each answers {@code /api/probe/who} with its name, echoes a POST's
 * body, and answers its readiness check as the test sets it. The route lists a dead address
 * first, so every request also proves that a replica refusing the connection is passed over.
 */
public class FakeReplicas implements QuarkusTestResourceLifecycleManager {

    static final String[] NAMES = {"replica-a", "replica-b"};
    private static Vertx vertx;
    private static final HttpServer[] SERVERS = new HttpServer[2];
    private static final int[] PORTS = new int[2];
    private static final boolean[] READY = {true, true};
    private static final boolean[] LISTENING = new boolean[2];

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        for (int i = 0; i < 2; i++) {
            up(i, 0);
        }
        return Map.of(
                "beiqin.gateway.routes.probe-service.prefix", "/api/probe",
                "beiqin.gateway.routes.probe-service.url",
                "http://127.0.0.1:1,http://127.0.0.1:" + PORTS[0] + ",http://127.0.0.1:" + PORTS[1],
                "beiqin.gateway.health-interval", "200ms");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Starts replica {@code i} on {@code port} (0: any free port, the first time). */
    private static synchronized void up(int i, int port) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            switch (request.path()) {
                case "/q/health/ready" -> request.response().setStatusCode(READY[i] ? 200 : 503).end();
                case "/q/openapi" -> request.response().putHeader("Content-Type", "application/json")
                        .end("{\"openapi\":\"3.0.3\",\"paths\":{}}");
                case "/api/probe/who" -> request.response().end(NAMES[i]);
                case "/api/probe/echo" -> request.body().onSuccess(body -> request.response().end(NAMES[i] + ":" + body));
                default -> request.response().setStatusCode(404).end();
            }
        });
        SERVERS[i] = server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).join();
        PORTS[i] = SERVERS[i].actualPort();
        LISTENING[i] = true;
    }

    /** Replica {@code i} stops listening: connections to it are refused, as after a kill. */
    static synchronized void kill(int i) {
        SERVERS[i].close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        LISTENING[i] = false;
    }

    /** Replica {@code i} listens again on its port. */
    static void restart(int i) {
        up(i, PORTS[i]);
    }

    /** Replica {@code i} keeps listening but says it is not ready (a database it cannot reach). */
    static synchronized void ready(int i, boolean ready) {
        READY[i] = ready;
    }

    /** Both replicas listening and ready, as each test starts. */
    static synchronized void restore() {
        for (int i = 0; i < 2; i++) {
            if (!LISTENING[i]) {
                restart(i);
            }
            READY[i] = true;
        }
    }

    static List<String> names() {
        return List.of(NAMES);
    }
}
