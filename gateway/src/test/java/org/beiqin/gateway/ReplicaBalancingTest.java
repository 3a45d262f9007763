package org.beiqin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A service running as replicas behind the gateway ({@link FakeReplicas}: a dead address, then
 * two live replicas): callers are spread over the ready replicas and never see the dead one.
 */
@QuarkusTest
class ReplicaBalancingTest extends GatewayTestBase {

    private final String token = Tokens.keeper("410182102");

    @AfterEach
    void bothReplicasBack() {
        FakeReplicas.restore();
        // the gateway's next readiness checks take both back
        awaitAnswers(answers -> new HashSet<>(answers).containsAll(FakeReplicas.names()));
    }

    @Test
    void requestsTakeTurnsOverTheReplicasAndNoneIsRefusedForTheDeadAddress() {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Response response = as(token).get("/api/probe/who");
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            answers.add(response.asString());
        }
        assertThat(answers).containsOnly("replica-a", "replica-b");
        // equal shares, though the dead address sits just before replica-a
        assertThat(answers.stream().filter("replica-a"::equals).count()).isEqualTo(10L);
    }

    @Test
    void aKilledReplicaIsPassedOverAtOnceAndAPostReachesTheOtherWithItsBody() {
        FakeReplicas.kill(1);
        // no readiness check has run yet: the refused connection alone sends the request on
        for (int i = 0; i < 10; i++) {
            Response response = as(token).body("{\"n\":" + i + "}").post("/api/probe/echo");
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(response.asString()).isEqualTo("replica-a:{\"n\":" + i + "}");
        }
        FakeReplicas.restart(1);
        awaitAnswers(answers -> answers.contains("replica-b"));
    }

    @Test
    void aReplicaThatIsNotReadyGetsNoRequestsUntilItIsReadyAgain() {
        FakeReplicas.ready(0, false);
        awaitAnswers(answers -> answers.size() >= 10 && answers.subList(answers.size() - 10, answers.size())
                .stream().allMatch("replica-b"::equals));
        for (int i = 0; i < 10; i++) {
            assertThat(as(token).get("/api/probe/who").then().statusCode(200).extract().asString())
                    .isEqualTo("replica-b");
        }
        FakeReplicas.ready(0, true);
        awaitAnswers(answers -> answers.contains("replica-a"));
    }

    /** Asks {@code /api/probe/who} every 50 ms until the answers so far satisfy {@code until}, for at most 10 s. */
    private void awaitAnswers(Predicate<List<String>> until) {
        List<String> answers = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .alias("the gateway's answers becoming as expected")
                .until(() -> {
                    Response response = as(token).get("/api/probe/who");
                    assertThat(response.statusCode()).isEqualTo(200);
                    answers.add(response.asString());
                    return until.test(answers);
                });
    }
}
