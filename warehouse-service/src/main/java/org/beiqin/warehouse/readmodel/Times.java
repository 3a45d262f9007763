package org.beiqin.warehouse.readmodel;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Native-query timestamps arrive as different JDBC types depending on the driver's mapping. */
public final class Times {

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
        return ((Timestamp) value).toInstant();
    }
}
