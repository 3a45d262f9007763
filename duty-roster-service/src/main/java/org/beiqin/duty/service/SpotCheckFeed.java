package org.beiqin.duty.service;

import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;

import org.beiqin.commons.notify.ListenedChannel;

/**
 * Spot checks as they are sent and answered, announced by the database on commit
 * ({@code NOTIFY beiqin_spot_check}, payload "member division"), so the officer's open console
 * shows a check within seconds and the sender's sees the answer, whichever replica wrote it.
 */
@ApplicationScoped
public class SpotCheckFeed extends ListenedChannel {

    @Override
    protected String channelName() {
        return "beiqin_spot_check";
    }

    /**
     * A tick for each change that {@code concerns} (member id, division) accepts, and one after each
     * reconnect of the listener (something may have been missed).
     */
    public Multi<Boolean> changes(BiPredicate<String, String> concerns) {
        return payloads().filter(payload -> {
            if (payload.isEmpty()) {
                return true;
            }
            String[] parts = payload.split(" ", 2);
            return parts.length == 2 && concerns.test(parts[0], parts[1]);
        }).map(payload -> Boolean.TRUE);
    }
}
