package org.beiqin.contract;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Discrepancy severities; written in lower case on the wire. */
public enum Severity {
    HIGH, MEDIUM, LOW;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
