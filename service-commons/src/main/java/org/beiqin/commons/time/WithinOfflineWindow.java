package org.beiqin.commons.time;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A time a device reports for something that happened while it was offline ({@code occurredAt},
 * a reading's time, a check's date): it may be back-dated, but no further than the offline
 * window ({@code beiqin.offline-window}, 90 days by default — as long as idempotency keys are
 * kept, so whatever a phone can still resend it can also still date). An issue "dated" years
 * back is refused. {@code null} passes (the server's time is used).
 */
@Documented
@Constraint(validatedBy = {OfflineWindowValidator.ForInstant.class, OfflineWindowValidator.ForDate.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WithinOfflineWindow {

    String message() default "earlier than the offline window";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
