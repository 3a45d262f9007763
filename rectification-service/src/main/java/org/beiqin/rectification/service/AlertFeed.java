package org.beiqin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;

import org.beiqin.commons.notify.ListenedChannel;

/**
 * Tells this replica's live feeds that new alerts were committed. The database announces each
 * alert on commit ({@code NOTIFY beiqin_alert}, from a trigger), so alerts written by any replica
 * — its consumer or its sweep — reach the feeds of every replica. A tick carries no alert: each
 * feed reads what is new for its reader from the database, so a missed tick only delays it until
 * the next one (feeds also read on their keep-alive).
 */
@ApplicationScoped
public class AlertFeed extends ListenedChannel {

    @Override
    protected String channelName() {
        return "beiqin_alert";
    }

    /** A tick whenever alerts were committed; hot, so a new subscriber sees only later ticks. */
    public Multi<Long> ticks() {
        return payloads().map(payload -> payload.isEmpty() ? 0L : Long.parseLong(payload));
    }
}
