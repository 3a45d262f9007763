package org.beiqin.commons.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST that deliberately does not take {@code Idempotency-Key}, with the reason a repeat is
 * harmless or why a stored answer would be wrong (a sign-in must issue a fresh token; an
 * attachment is kept once by its content). Every POST is either {@link Idempotent} or this, so the
 * choice is made and written down, never forgotten.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotIdempotent {

    /** Why a repeat of this POST does not need a stored answer. */
    String value();
}
