package org.beiqin.testing;

import java.time.Duration;
import java.util.List;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;

/**
 * {@code preparedness.discrepancies} as a test reads it: from the moment it is opened, waiting for
 * the opened, updated or resolved event of a rule on keys holding given fragments (a subject id, a
 * division).
 */
public final class DiscrepancyFeed implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TopicReader reader = new TopicReader(Topics.DISCREPANCIES);

    public Discrepancy awaitOpened(String rule, String... keyFragments) {
        return await(EventTypes.DISCREPANCY_OPENED, rule, keyFragments);
    }

    /** The next {@code updated} event of the rule on matching keys whose Chinese summary contains {@code text}. */
    public Discrepancy awaitUpdated(String rule, String text, String... keyFragments) {
        return reader.await(r -> matches(r, EventTypes.DISCREPANCY_UPDATED, rule, keyFragments)
                && r.data(Discrepancy.class).summary().zh().contains(text), TIMEOUT).data(Discrepancy.class);
    }

    public Discrepancy awaitResolved(String rule, String... keyFragments) {
        return await(EventTypes.DISCREPANCY_RESOLVED, rule, keyFragments);
    }

    public Discrepancy await(String type, String rule, String... keyFragments) {
        return reader.await(r -> matches(r, type, rule, keyFragments), TIMEOUT).data(Discrepancy.class);
    }

    /** How many events of {@code type} for the rule and fragments were read, after two more seconds. */
    public long count(String type, String rule, String... keyFragments) {
        return reader.drain(Duration.ofSeconds(2)).stream().filter(r -> matches(r, type, rule, keyFragments)).count();
    }

    /** The keys opened for the rule and fragments so far, after two more seconds of reading. */
    public List<String> openedKeys(String rule, String... keyFragments) {
        return reader.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> matches(r, EventTypes.DISCREPANCY_OPENED, rule, keyFragments)).map(TopicReader.Record::key)
                .toList();
    }

    public TopicReader reader() {
        return reader;
    }

    @Override
    public void close() {
        reader.close();
    }

    private static boolean matches(TopicReader.Record r, String type, String rule, String... keyFragments) {
        return r.type().equals(type) && r.key().contains("/" + rule + "/")
                && List.of(keyFragments).stream().allMatch(r.key()::contains);
    }
}
