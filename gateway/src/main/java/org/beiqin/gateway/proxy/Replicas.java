package org.beiqin.gateway.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The replicas of one service and which of them answered their last readiness check. Requests
 * take turns over the ready ones; a replica that is not ready (or refused a connection) is tried
 * only after every ready one, so a dead replica costs a caller nothing while another is up, and a
 * probe that is merely late never leaves a service with no replica at all.
 */
final class Replicas {

    private final List<URI> addresses;
    /** 1 = ready at its last check or connection, 0 = not. All start ready: a first request need not wait for a probe. */
    private final AtomicIntegerArray ready;
    private final AtomicInteger turn = new AtomicInteger();

    Replicas(List<URI> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one address");
        }
        this.addresses = List.copyOf(addresses);
        this.ready = new AtomicIntegerArray(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            ready.set(i, 1);
        }
    }

    List<URI> addresses() {
        return addresses;
    }

    int size() {
        return addresses.size();
    }

    /**
     * The order to try the replicas in for one request: the ready ones, each in its turn (so that
     * each ready replica gets an equal share, whatever the others are doing), then the rest.
     */
    List<Integer> order() {
        int n = addresses.size();
        List<Integer> first = new ArrayList<>(n);
        List<Integer> last = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            (ready.get(i) == 1 ? first : last).add(i);
        }
        if (first.size() > 1) {
            Collections.rotate(first, -Math.floorMod(turn.getAndIncrement(), first.size()));
        }
        first.addAll(last);
        return first;
    }

    URI address(int replica) {
        return addresses.get(replica);
    }

    void mark(int replica, boolean isReady) {
        ready.set(replica, isReady ? 1 : 0);
    }

    boolean isReady(int replica) {
        return ready.get(replica) == 1;
    }
}
