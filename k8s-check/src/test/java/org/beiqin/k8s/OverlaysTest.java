package org.beiqin.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every overlay of deploy/k8s renders, and every document passes the API server's schema and the
 * project's rules with no error — the check a cluster cannot run here (deploy/k8s/README.md).
 */
class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDocumentOfTheOverlayIsValid(String overlay) {
        List<JsonNode> documents = Bundles.overlay(overlay);
        Map<String, Integer> kinds = new TreeMap<>();
        documents.forEach(d -> kinds.merge(d.path("kind").asText(), 1, Integer::sum));
        System.out.printf("deploy/k8s/overlays/%s: %d documents %s%n", overlay, documents.size(), kinds);

        assertThat(Bundles.CHECK.check(documents)).as("errors in overlay " + overlay).isEmpty();
        assertThat(kinds).containsKeys("Deployment", "Service", "PodDisruptionBudget", "Ingress", "NetworkPolicy",
                "ConfigMap", "Secret", "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster");
        assertThat(kinds.get("Deployment")).isEqualTo(5);
        assertThat(kinds.get("Cluster")).as("one database cluster per service").isEqualTo(5);
    }

    @Test
    void productionReplicatesEverythingAndDevelopmentRunsOneOfEach() {
        List<JsonNode> prod = Bundles.overlay("prod");
        List<JsonNode> dev = Bundles.overlay("dev");
        for (String service : List.of("warehouse-service", "drill-service", "duty-roster-service", "rectification-service", "gateway")) {
            assertThat(Bundles.find(prod, "Deployment", service).path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(Bundles.find(dev, "Deployment", service).path("spec").path("replicas").asInt()).isEqualTo(1);
        }
        assertThat(Bundles.find(prod, "KafkaNodePool", "brokers").path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(Bundles.find(dev, "KafkaNodePool", "brokers").path("spec").path("replicas").asInt()).isEqualTo(1);
        JsonNode topic = Bundles.find(prod, "KafkaTopic", "preparedness.discrepancies").path("spec");
        assertThat(topic.path("replicas").asInt()).isEqualTo(3);
        assertThat(topic.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        JsonNode db = Bundles.find(prod, "Cluster", "warehouse-db").path("spec");
        assertThat(db.path("instances").asInt()).isEqualTo(3);
        assertThat(db.path("postgresql").path("synchronous").path("dataDurability").asText()).isEqualTo("required");
        assertThat(Bundles.find(dev, "Cluster", "warehouse-db").path("spec").path("instances").asInt()).isEqualTo(1);
    }

    @Test
    void theServicesReadTheirSettingsFromTheBundlesConfigMapAndSecrets() {
        List<JsonNode> prod = Bundles.overlay("prod");
        JsonNode container = Bundles.find(prod, "Deployment", "warehouse-service").path("spec").path("template")
                .path("spec").path("containers").get(0);
        assertThat(container.path("env").toString())
                .contains("jdbc:postgresql://warehouse-db-rw:5432/beiqin_warehouse")
                .contains("warehouse-db-app");
        assertThat(container.path("envFrom").get(0).path("configMapRef").path("name").asText()).isEqualTo("beiqin-common");
        assertThat(Bundles.find(prod, "ConfigMap", "beiqin-common").path("data").path("BEIQIN_KAFKA_BOOTSTRAP").asText())
                .as("Strimzi's bootstrap Service of the Kafka named beiqin").isEqualTo("beiqin-kafka-bootstrap:9092");
        JsonNode jwt = Bundles.find(prod, "Secret", "beiqin-jwt");
        assertThat(jwt.path("data").has("jwt-public.pem")).isTrue();
        assertThat(jwt.path("metadata").path("namespace").asText()).isEqualTo("beiqin");
    }
}
