package org.beiqin.warehouse.rules;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Native-query timestamps arrive as different JDBC types depending on the driver's mapping. */
public final class Times {

    public static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
