package org.beiqin.commons.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "beiqin.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /warehouse-service}. */
    String source();

    /** Whether this replica relays the outbox to Kafka at all. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How many events one relay round sends and marks. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks when nobody woke it (each commit that writes events wakes it). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest pause between attempts while the broker is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long one round waits for the broker's acknowledgements. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Published events are kept this long, then deleted. */
    @WithDefault("P14D")
    Duration retention();
}
