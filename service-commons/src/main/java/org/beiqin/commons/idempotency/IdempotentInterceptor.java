package org.beiqin.commons.idempotency;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerResponse;

/**
 * Runs an {@link Idempotent} resource method through {@link Idempotency#execute}: the key from its
 * {@code Idempotency-Key} parameter, the operation from its route with the path values filled in,
 * the body from its one unannotated parameter. It is outside the method's own transaction
 * interceptor, so the key is claimed, the work done and the answer stored in one transaction.
 *
 * <p>A method that returns a {@code Response} gets the stored one back on a repeat (status,
 * {@code Location}, body, {@code Idempotent-Replayed}); a method that returns a view gets the stored
 * body read back as that view, and the header is set on the HTTP response.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotentInterceptor {

    private static final Map<Method, Route> ROUTES = new ConcurrentHashMap<>();

    @Inject
    Idempotency idempotency;

    @Inject
    ObjectMapper json;

    @Inject
    HttpServerResponse http;

    /** The part of every route that the stored operations leave out: {@code /api/warehouse}, {@code /api}. */
    @ConfigProperty(name = "beiqin.idempotency.route-root")
    String root;

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Route route = ROUTES.computeIfAbsent(method, Route::of);
        Object[] arguments = invocation.getParameters();
        String key = route.key(arguments);
        Callable<Response> once = () -> idempotency.execute(key, route.operation(arguments, root), route.body(arguments),
                () -> asResponse(proceed(invocation)));
        Idempotent binding = method.getAnnotation(Idempotent.class);
        int timeout = binding == null ? 0 : binding.transactionTimeout();
        Response response;
        try {
            response = timeout > 0 ? QuarkusTransaction.requiringNew().timeout(timeout).call(once) : once.call();
        } catch (Failed failed) {
            throw failed.cause;
        }
        if (Response.class.isAssignableFrom(method.getReturnType())) {
            return response;
        }
        if (!"true".equals(response.getHeaderString(Idempotency.REPLAYED_HEADER))) {
            return response.getEntity();
        }
        http.putHeader(Idempotency.REPLAYED_HEADER, "true");
        Object stored = response.getEntity();
        if (stored == null) {
            return null;
        }
        try {
            // read as leniently as it was written: a view that gained or lost a field since still replays
            return json.readerFor(json.constructType(method.getGenericReturnType()))
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue((String) stored);
        } catch (JsonProcessingException e) {
            // the stored answer, not the caller's request, cannot be read: ours to fix (500), never a 400
            throw new IllegalStateException("stored answer of " + method + " cannot be replayed", e);
        }
    }

    private static Object proceed(InvocationContext invocation) {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Failed(e);
        }
    }

    private static Response asResponse(Object result) {
        return result instanceof Response response ? response : Response.ok(result).build();
    }

    /** A checked exception of the method, carried through the transaction and thrown as it was. */
    private static final class Failed extends RuntimeException {
        final Exception cause;

        Failed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
