package org.beiqin.commons.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * One PostgreSQL notification channel ({@code LISTEN <name>}) as a hot stream of payloads, for the
 * live feeds (alerts, spot checks). The database announces on commit, so whatever any replica
 * commits reaches the feeds of every replica. Its own connection (not the pool's: it waits for
 * minutes); it listens again with back-off after losing the server, and emits an empty payload
 * after each (re)connect so that readers catch up on what was committed while it was not
 * listening. A missed payload only delays a reader until its next keep-alive read.
 */
public final class PgChannel {

    private static final Logger LOG = Logger.getLogger(PgChannel.class);

    /** What the stream emits after each (re)connect: "read everything again". */
    public static final String CATCH_UP = "";

    private static final long PROBE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final String channel;
    private final String url;
    private final String user;
    private final String password;
    private final BroadcastProcessor<String> payloads = BroadcastProcessor.create();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    public PgChannel(String channel, String url, String user, String password) {
        if (!channel.matches("[a-z_]{1,63}")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        this.channel = channel;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public void start() {
        running = true;
        listener = new Thread(this::listen, channel + "-listener");
        listener.setDaemon(true);
        listener.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close(); // ends a wait for notifications at once
            } catch (SQLException e) {
                LOG.debugf("%s: %s while closing", channel, e.getMessage());
            }
        }
        if (listener != null) {
            listener.interrupt();
            listener.join(TimeUnit.SECONDS.toMillis(5));
        }
        payloads.onComplete();
    }

    /** Each notification's payload as it arrives; hot, so a new subscriber sees only later ones. */
    public Multi<String> payloads() {
        return payloads;
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, user, password)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = listening.unwrap(PGConnection.class);
                payloads.onNext(CATCH_UP);
                backoff = 500;
                long probed = System.nanoTime();
                while (running) {
                    if (System.nanoTime() - probed > PROBE_EVERY_NANOS) {
                        // a link that died silently never says so while waiting: ask the server now and then
                        try (Statement probe = listening.createStatement()) {
                            probe.execute("SELECT 1");
                        }
                        probed = System.nanoTime();
                    }
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            payloads.onNext(n.getParameter() == null ? CATCH_UP : n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s: %s; listening again in %d ms", channel, e.getMessage(), backoff);
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
