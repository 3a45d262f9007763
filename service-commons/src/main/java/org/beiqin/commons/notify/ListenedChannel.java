package org.beiqin.commons.notify;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;

/**
 * A service's live feed from one PostgreSQL channel ({@link PgChannel}) on the service's own
 * database, listening from start-up to shut-down. A subclass names the channel and says what its
 * readers get from the payloads.
 */
public abstract class ListenedChannel {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    protected String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    protected String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    protected String password;

    private PgChannel channel;

    /** The channel the database announces on ({@code pg_notify('<name>', …)}). */
    protected abstract String channelName();

    void start(@Observes StartupEvent event) {
        channel = new PgChannel(channelName(), url, user, password);
        channel.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (channel != null) {
            channel.stop();
        }
    }

    /** Each payload as it arrives, and {@link PgChannel#CATCH_UP} after each (re)connect. */
    protected Multi<String> payloads() {
        return channel.payloads();
    }
}
