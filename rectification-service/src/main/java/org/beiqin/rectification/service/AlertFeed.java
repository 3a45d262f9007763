package org.beiqin.rectification.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Tells this replica's live feeds that new alerts were committed. The database announces each
 * alert on commit ({@code NOTIFY beiqin_alert}, from a trigger), so alerts written by any replica
 * — its consumer or its sweep — reach the feeds of every replica. A tick carries no alert: each
 * feed reads what is new for its reader from the database, so a missed tick only delays it until
 * the next one (feeds also read on their keep-alive).
 */
@ApplicationScoped
public class AlertFeed {

    private static final Logger LOG = Logger.getLogger(AlertFeed.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private final BroadcastProcessor<Long> ticks = BroadcastProcessor.create();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "alert-feed-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close(); // ends a wait for notifications at once
            } catch (SQLException e) {
                LOG.debugf("alert feed: %s while closing", e.getMessage());
            }
        }
        if (listener != null) {
            listener.interrupt();
            listener.join(TimeUnit.SECONDS.toMillis(5));
        }
        ticks.onComplete();
    }

    /** A tick whenever alerts were committed; hot, so a new subscriber sees only later ticks. */
    public Multi<Long> ticks() {
        return ticks;
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, user, password)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN beiqin_alert");
                }
                PGConnection pg = listening.unwrap(PGConnection.class);
                ticks.onNext(0L); // catch up on anything committed while not listening
                backoff = 500;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null && notifications.length > 0) {
                        ticks.onNext(Long.parseLong(notifications[notifications.length - 1].getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("alert feed: %s; listening again in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }
}
