package org.beiqin.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The check finds what a reviewer or the API server would: each case breaks one thing in the
 * production bundle and expects exactly the error that names it.
 */
class ManifestCheckTest {

    /** The production bundle with one change, checked. */
    private static List<String> errorsAfter(String kind, String name, Consumer<ObjectNode> change) {
        List<JsonNode> documents = Bundles.overlay("prod");
        change.accept((ObjectNode) Bundles.find(documents, kind, name));
        return Bundles.CHECK.check(documents);
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void anUnknownFieldIsRejectedAsTheApiServerWould() {
        assertThat(errorsAfter("Deployment", "gateway", d -> container(d).put("imagePullPolcy", "Always")))
                .singleElement().asString().startsWith("Deployment/gateway: ").contains("imagePullPolcy");
        assertThat(errorsAfter("Cluster", "drill-db", c -> ((ObjectNode) c.path("spec").path("postgresql").path("synchronous"))
                .put("mehtod", "any")))
                .singleElement().asString().startsWith("Cluster/drill-db: ").contains("mehtod");
        assertThat(errorsAfter("KafkaTopic", "roster.teams", t -> ((ObjectNode) t.path("metadata")).put("lables", "x")))
                .singleElement().asString().startsWith("KafkaTopic/roster.teams metadata: ").contains("lables");
    }

    @Test
    void wrongTypesEnumsAndMissingRequiredFieldsAreRejected() {
        assertThat(errorsAfter("Deployment", "drill-service", d -> ((ObjectNode) d.path("spec")).put("replicas", "two")))
                .singleElement().asString().contains("replicas").contains("integer");
        assertThat(errorsAfter("Cluster", "duty-db", c -> ((ObjectNode) c.path("spec").path("postgresql").path("synchronous"))
                .put("dataDurability", "mostly")))
                .contains("Cluster/duty-db: /spec/postgresql/synchronous/dataDurability: does not have a value in the"
                        + " enumeration [\"required\", \"preferred\"]");
        assertThat(errorsAfter("Deployment", "duty-roster-service", d -> container(d).remove("name")))
                .anySatisfy(e -> assertThat(e).contains("name").contains("required"));
    }

    @Test
    void aKindNeitherKubernetesNorTheOperatorsKnowIsAnError() {
        assertThat(errorsAfter("Kafka", "beiqin", k -> k.put("apiVersion", "kafka.strimzi.io/v1beta2")))
                .contains("Kafka/beiqin: unknown kind kafka.strimzi.io/v1beta2 Kafka"
                        + " (neither Kubernetes 1.33 nor the operators' CRDs define it)");
    }

    @Test
    void everyDeploymentHasItsProbesResourcesAndAPinnedImage() {
        assertThat(errorsAfter("Deployment", "warehouse-service", d -> container(d).remove("startupProbe")))
                .containsExactly("Deployment/warehouse-service: container warehouse-service has no startupProbe");
        assertThat(errorsAfter("Deployment", "warehouse-service", d -> ((ObjectNode) container(d).path("resources")).remove("limits")))
                .contains("Deployment/warehouse-service: container warehouse-service has no memory limits");
        assertThat(errorsAfter("Deployment", "gateway", d -> container(d).put("image", "registry.example.org/beiqin/gateway:latest")))
                .containsExactly("Deployment/gateway: container gateway image registry.example.org/beiqin/gateway:latest is not pinned"
                        + " to a version (x.y.z or x.y.z-<commit>) or a digest");
        assertThat(errorsAfter("Deployment", "gateway", d -> container(d).put("image", "beiqin/gateway:0.1.0")))
                .containsExactly("Deployment/gateway: container gateway image beiqin/gateway:0.1.0 names no registry:"
                        + " it would be pulled from Docker Hub");
        assertThat(errorsAfter("Deployment", "gateway", d -> ((ObjectNode) container(d).path("readinessProbe").path("httpGet"))
                .put("port", "web")))
                .containsExactly("Deployment/gateway: container gateway readinessProbe probes port web, which the container does not open");
        assertThat(errorsAfter("Deployment", "gateway", d -> ((ObjectNode) container(d).path("resources").path("limits"))
                .put("memory", "768 MB")))
                .containsExactly("Deployment/gateway: container gateway memory limits 768 MB is not a quantity");
    }

    @Test
    void selectorsMatchPodsAndReferencesNameWhatTheBundleOrTheOperatorCreates() {
        assertThat(errorsAfter("Service", "rectification-service", s -> ((ObjectNode) s.path("spec").path("selector"))
                .put("app.kubernetes.io/name", "rectification")))
                .singleElement().asString().startsWith("Service/rectification-service: its selector");
        assertThat(errorsAfter("Deployment", "drill-service", d -> ((ObjectNode) container(d).path("env").get(1)
                .path("valueFrom").path("secretKeyRef")).put("name", "drill-database")))
                .containsExactly("Deployment/drill-service: refers to Secret drill-database,"
                        + " which neither the bundle nor CloudNativePG creates");
        assertThat(errorsAfter("Deployment", "drill-service", d -> ((ObjectNode) container(d).path("env").get(2)
                .path("valueFrom").path("secretKeyRef")).put("key", "passwd")))
                .containsExactly("Deployment/drill-service: refers to key passwd of Secret drill-db-app, which it does not have");
        assertThat(errorsAfter("Ingress", "gateway", i -> ((ObjectNode) i.path("spec").path("rules").get(0).path("http")
                .path("paths").get(0).path("backend").path("service")).put("name", "console")))
                .containsExactly("Ingress/gateway: routes to Service console, which the bundle does not create");
    }

    @Test
    void topicsAreExactlyTheContractsAndFitTheBrokers() {
        assertThat(errorsAfter("KafkaTopic", "drill.drills", t -> ((ObjectNode) t.path("metadata")).put("name", "drill.drill")))
                .containsExactly("topics differ from the event contract's: missing [drill.drills], not in the contract [drill.drill]");
        assertThat(errorsAfter("KafkaTopic", "warehouse.movements", t -> ((ObjectNode) t.path("spec")).put("replicas", 4)))
                .containsExactly("KafkaTopic/warehouse.movements: 4 replicas do not fit the node pool's 3 brokers");
        assertThat(errorsAfter("KafkaTopic", "preparedness.discrepancies", t -> ((ObjectNode) t.path("spec").path("config"))
                .put("min.insync.replicas", 3)))
                .containsExactly("KafkaTopic/preparedness.discrepancies: min.insync.replicas 3 with 3 replicas"
                        + " stops writes when one broker is down");
        assertThat(errorsAfter("KafkaNodePool", "brokers", p -> ((ArrayNode) p.path("spec").path("roles")).remove(0)))
                .contains("Kafka/beiqin: needs node pools with broker and controller roles (KRaft); it has 3 brokers and 0 controllers");
    }

    @Test
    void kafkaIsAVersionStrimziRunsAndTheProjectIsTestedWith() {
        assertThat(errorsAfter("Kafka", "beiqin", k -> ((ObjectNode) k.path("spec").path("kafka")).put("version", "3.9.0")))
                .containsExactly("Kafka/beiqin: Kafka 3.9.0 is not one Strimzi 1.2.0 runs [4.2.0, 4.2.1, 4.3.0, 4.3.1]");
        assertThat(errorsAfter("Kafka", "beiqin", k -> ((ObjectNode) k.path("spec").path("kafka")).put("version", "4.3.1")))
                .containsExactly("Kafka/beiqin: Kafka 4.3.1 is not the version the project is tested with ("
                        + AppInfoParser.getVersion() + ")");
    }

    @Test
    void aReplicatedDatabaseWithoutASynchronousStandbyCanLoseAcknowledgedWrites() {
        assertThat(errorsAfter("Cluster", "rectification-db", c -> ((ObjectNode) c.path("spec").path("postgresql")).remove("synchronous")))
                .containsExactly("Cluster/rectification-db: 3 instances without a required synchronous standby:"
                        + " a failover can lose acknowledged writes");
    }

    @Test
    void aServiceConnectsToItsOwnDatabaseAndToTheBundlesKafka() {
        assertThat(errorsAfter("Deployment", "duty-roster-service", d -> ((ObjectNode) container(d).path("env").get(0))
                .put("value", "jdbc:postgresql://duty-db-rw:5432/beiqin_drill")))
                .contains("Deployment/duty-roster-service: BEIQIN_DUTY_DB_URL names database beiqin_drill on duty-db-rw,"
                        + " which no CloudNativePG cluster of the bundle bootstraps");
        assertThat(errorsAfter("ConfigMap", "beiqin-common", m -> ((ObjectNode) m.path("data"))
                .put("BEIQIN_KAFKA_BOOTSTRAP", "kafka:9092")))
                .containsExactly("ConfigMap/beiqin-common: BEIQIN_KAFKA_BOOTSTRAP kafka:9092 is no listener of a Kafka"
                        + " in the bundle [beiqin-kafka-bootstrap:9092]");
    }

    @Test
    void onlyTheGatewayReachesTheServicesAndOnlyAServiceItsDatabase() {
        assertThat(errorsAfter("NetworkPolicy", "default-deny-ingress", p -> ((ObjectNode) p.path("spec"))
                .putObject("podSelector").putObject("matchLabels").put("app.kubernetes.io/name", "gateway")))
                .containsExactly("no NetworkPolicy closes ingress by default (podSelector {}, policyTypes [Ingress], no rules)");
        assertThat(errorsAfter("NetworkPolicy", "warehouse-db-from-warehouse-service", p -> ((ObjectNode) p.path("spec")
                .path("ingress").get(0).path("from").get(0).path("podSelector").path("matchLabels"))
                .put("app.kubernetes.io/name", "gateway")))
                .containsExactly("Cluster/warehouse-db: reachable by [gateway] but used by [warehouse-service]:"
                        + " only a database's own service may reach it");
        assertThat(errorsAfter("NetworkPolicy", "services-from-gateway", p -> ((ObjectNode) p.path("spec")
                .path("ingress").get(0).path("from").get(0).path("podSelector").path("matchLabels"))
                .put("app.kubernetes.io/name", "gatewy")))
                .containsExactly("NetworkPolicy/services-from-gateway: its pod selector {\"app.kubernetes.io/name\":\"gatewy\"}"
                        + " matches no pod of the bundle");
    }

    @Test
    void aServiceTakesTheCredentialsOfTheDatabaseItConnectsTo() {
        assertThat(errorsAfter("Deployment", "warehouse-service", d -> ((ObjectNode) container(d).path("env").get(2)
                .path("valueFrom").path("secretKeyRef")).put("name", "drill-db-app")))
                .containsExactly("Deployment/warehouse-service: BEIQIN_PG_PASSWORD takes the credentials of drill-db-app"
                        + " but connects to warehouse-db-rw");
    }

    @Test
    void everyKafkaClientIsAPeerOfTheListener() {
        assertThat(errorsAfter("Deployment", "gateway", d -> ((ObjectNode) d.path("spec").path("template").path("metadata")
                .path("labels")).remove("beiqin.org/kafka-client")))
                .containsExactly("Deployment/gateway: uses Kafka but its pods are none of the listener's networkPolicyPeers");
        assertThat(errorsAfter("Kafka", "beiqin", k -> ((ObjectNode) k.path("spec").path("kafka").path("config"))
                .put("listeners", "PLAINTEXT://:9092")))
                .containsExactly("Kafka/beiqin: spec.kafka.config listeners is Strimzi's to set: it would be ignored");
    }

    @Test
    void noPolicyOpensPodsToEveryoneOrOpensAPortNobodyListensOn() {
        assertThat(errorsAfter("NetworkPolicy", "services-from-gateway", p -> ((ObjectNode) p.path("spec").path("ingress").get(0))
                .remove("from")))
                .containsExactly("NetworkPolicy/services-from-gateway: opens its pods to every pod (an ingress rule without"
                        + " peers, or an empty selector)");
        assertThat(errorsAfter("NetworkPolicy", "gateway-from-ingress-controller", p -> ((ObjectNode) p.path("spec")
                .path("ingress").get(0).path("ports").get(0)).put("port", 8081)))
                .containsExactly("NetworkPolicy/gateway-from-ingress-controller: opens port 8081, which Deployment/gateway"
                        + " does not listen on");
    }

    @Test
    void aStrimziAlternativeIsNotClosedAgainstItsParentsFields() {
        // Strimzi's env entries are {name, value} or {name, valueFrom}: a oneOf inside an object that lists all three
        List<JsonNode> documents = Bundles.overlay("prod");
        ObjectNode kafka = (ObjectNode) Bundles.find(documents, "Kafka", "beiqin").path("spec").path("kafka");
        ((ObjectNode) kafka.path("template")).putObject("kafkaContainer").putArray("env").addObject()
                .put("name", "KAFKA_HEAP_OPTS").put("value", "-Xmx1g");
        assertThat(Bundles.CHECK.check(documents)).isEmpty();
        ((ObjectNode) kafka.path("template").path("kafkaContainer").path("env").get(0)).put("valu", "x");
        assertThat(Bundles.CHECK.check(documents)).singleElement().asString().startsWith("Kafka/beiqin: ").contains("valu");
    }
}
