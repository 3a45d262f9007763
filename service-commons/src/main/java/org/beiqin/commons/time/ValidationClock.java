package org.beiqin.commons.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;

/**
 * {@code @PastOrPresent} and friends judge against the same clock as the rules, so "not in the
 * future" means the same thing to validation and to a deadline.
 */
@ApplicationScoped
public class ValidationClock implements ClockProvider {

    @Inject
    Clock clock;

    @Override
    public Clock getClock() {
        return clock;
    }
}
