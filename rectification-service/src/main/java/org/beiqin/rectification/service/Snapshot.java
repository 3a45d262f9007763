package org.beiqin.rectification.service;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * A long read in one read-only REPEATABLE READ transaction of its own: every query of it sees the
 * ledger as it stood when the first one ran. For documents written while they are read (the export,
 * the notice), whose parts must agree with each other although the ledger moves on meanwhile. Its
 * statements are planned for their values each time (see {@link #read}).
 */
@ApplicationScoped
public class Snapshot {

    /** Longest a document may keep its snapshot open, in seconds. */
    static final int SECONDS = 600;

    @Inject
    EntityManager em;

    public interface Work {
        void run() throws IOException;
    }

    public void read(Work work) throws IOException {
        try {
            QuarkusTransaction.requiringNew().timeout(SECONDS).call(() -> {
                em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate();
                // A document reads its items in keyset pages, the same statement hundreds of times.
                // PostgreSQL's generic plan for it, chosen after five, cannot see how selective the
                // division and the page's start are: it sorted every item after the page's start to
                // keep 500 (257 ms a page at the end of a county's three years, so the export's time
                // grew with the square of its length). Each page is planned for its own values instead.
                em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
                work.run();
                return null;
            });
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }
}
