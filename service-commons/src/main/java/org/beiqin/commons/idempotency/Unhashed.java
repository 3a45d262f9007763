package org.beiqin.commons.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a request body left out of the {@code Idempotency-Key} request hash: a password or
 * another secret. The hash is a fast, unsalted digest kept for the retention period, and every other
 * field of the body is stored elsewhere, so a secret in it could be recovered by trying candidates.
 * A resend that differs only in such a field counts as the same request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Unhashed {
}
