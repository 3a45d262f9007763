package org.beiqin.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.beiqin.contract.Discrepancy;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What the tests of a service that detects findings share: the test clock (reset around each
 * test), the finding feed read off {@code preparedness.discrepancies}, fresh township codes, and
 * requests as a keeper or the county office. A module's own base extends this and adds its
 * {@code @WithTestResource} lines (Quarkus finds global test resources in the module's own test
 * classes), its topics and its helpers.
 */
public abstract class ServiceTestBase {

    private static final AtomicInteger TOWNSHIPS = new AtomicInteger(100);

    /** How long a test waits for an event the service should have published. */
    protected static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    protected TestClock clock;

    protected DiscrepancyFeed discrepancies;

    private final List<AutoCloseable> perTest = new ArrayList<>();

    @BeforeEach
    void openFeed() {
        clock.reset();
        discrepancies = perTest(new DiscrepancyFeed());
    }

    @AfterEach
    void closeFeed() throws Exception {
        for (AutoCloseable resource : perTest) {
            resource.close();
        }
        perTest.clear();
        clock.reset();
    }

    /** A topic reader or writer (anything closeable) for this test alone: closed after it. */
    protected <T extends AutoCloseable> T perTest(T resource) {
        perTest.add(resource);
        return resource;
    }

    /** A township code of county 410182 (荥阳市) that no other test of this run uses. */
    protected static String newTownship() {
        return "410182" + String.format("%03d", TOWNSHIPS.incrementAndGet());
    }

    protected static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    protected static RequestSpecification keeper(String township) {
        return as(Tokens.keeper(township));
    }

    /** The county office of 410182. */
    protected static RequestSpecification county() {
        return as(Tokens.countyOffice("410182"));
    }

    protected Discrepancy awaitOpened(String rule, String... keyFragments) {
        return discrepancies.awaitOpened(rule, keyFragments);
    }

    protected Discrepancy awaitUpdated(String rule, String text, String... keyFragments) {
        return discrepancies.awaitUpdated(rule, text, keyFragments);
    }

    protected Discrepancy awaitResolved(String rule, String... keyFragments) {
        return discrepancies.awaitResolved(rule, keyFragments);
    }

    /** The keys of findings of {@code rule} opened so far whose key contains {@code fragment}. */
    protected List<String> openedKeys(String rule, String fragment) {
        return discrepancies.openedKeys(rule, fragment);
    }

    /** How many events of {@code type} for {@code rule} on keys with the fragments have been read. */
    protected long countEvents(String type, String rule, String... keyFragments) {
        return discrepancies.count(type, rule, keyFragments);
    }

    protected static String uuid() {
        return UUID.randomUUID().toString();
    }
}
