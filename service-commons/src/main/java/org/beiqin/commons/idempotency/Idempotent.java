package org.beiqin.commons.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A POST that honours {@code Idempotency-Key} (ARCHITECTURE.md): a repeat with the same key and body
 * answers the first response and creates nothing; the same key with another body is refused (422).
 *
 * <p>The method declares the key as {@code @HeaderParam(Idempotency.HEADER) String key} (so the
 * OpenAPI document shows it) and does its work as if it ran once; {@link IdempotentInterceptor}
 * takes the route from the method's own {@code @Path} templates and the body from its one
 * unannotated parameter, so the two can no longer drift apart. {@code LayeringContract} (test-support) checks
 * that every POST of every service is either this or {@link NotIdempotent}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /**
     * Seconds the transaction that claims the key, does the work and stores the answer may take; 0
     * keeps the default. A long step (a stocktake of thousands of lines) needs the whole of it in one
     * transaction, or a key could be stored for work that was rolled back, or work kept whose answer was not.
     */
    @Nonbinding
    int transactionTimeout() default 0;
}
