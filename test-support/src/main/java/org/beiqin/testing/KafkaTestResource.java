package org.beiqin.testing;

import java.util.List;
import java.util.Map;

import org.beiqin.contract.Topics;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the shared in-process broker with the contract's topics and points the service at it. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        kafka.createTopics(List.of(Topics.DISCREPANCIES, Topics.WAREHOUSE_MOVEMENTS, Topics.ROSTER_TEAMS,
                Topics.IDENTITY_USERS, Topics.DRILLS), 6);
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        EmbeddedKafka.shared().stop();
    }
}
