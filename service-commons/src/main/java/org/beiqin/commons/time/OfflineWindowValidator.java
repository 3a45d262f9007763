package org.beiqin.commons.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Judges {@link WithinOfflineWindow} against the rules' clock and the configured window. */
@ApplicationScoped
public class OfflineWindowValidator {

    @Inject
    Clock clock;

    @ConfigProperty(name = "beiqin.offline-window", defaultValue = "P90D")
    Duration window;

    /** The earliest instant a device may still report. */
    public Instant earliest() {
        return clock.instant().minus(window);
    }

    /** The earliest calendar day (in the clock's zone, Beijing time) a device may still report. */
    public LocalDate earliestDay() {
        return LocalDate.ofInstant(earliest(), clock.getZone());
    }

    @ApplicationScoped
    public static class ForInstant implements ConstraintValidator<WithinOfflineWindow, Instant> {
        @Inject
        OfflineWindowValidator window;

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(window.earliest());
        }
    }

    @ApplicationScoped
    public static class ForDate implements ConstraintValidator<WithinOfflineWindow, LocalDate> {
        @Inject
        OfflineWindowValidator window;

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(window.earliestDay());
        }
    }
}
