package org.beiqin.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

/**
 * Checks a rendered bundle (every document of one overlay): each document against its kind's
 * schema ({@link Schemas}), then the rules of this project that no schema can say. Returns every
 * error found, each naming its document ("Deployment/gateway: …").
 */
public final class ManifestCheck {

    /**
     * Kafka versions Strimzi 1.2.0 runs (its release notes: 4.2 and the newly added 4.3.1); the
     * manifests must also name the version the project's own client and test broker run.
     */
    static final Set<String> STRIMZI_KAFKA_VERSIONS = Set.of("4.2.0", "4.2.1", "4.3.0", "4.3.1");

    /** The keys CloudNativePG writes into the "&lt;cluster&gt;-app" Secret of a cluster it bootstrapped. */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "host", "port", "dbname", "uri",
            "jdbc-uri", "pgpass", "fqdn-uri", "fqdn-jdbc-uri");

    /** A tag made of a version, optionally with a commit ("0.1.0", "0.1.0-1a2b3c4"), or a digest. */
    private static final Pattern PINNED = Pattern.compile(".+(:\\d+\\.\\d+\\.\\d+(-[0-9a-f]{7,40})?|@sha256:[0-9a-f]{64})");

    /** A Kubernetes resource quantity ("250m", "768Mi", "2", "1e3"). */
    private static final Pattern QUANTITY = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\\d+)?");

    /**
     * Kafka settings Strimzi manages itself and ignores (with only a warning) in spec.kafka.config,
     * and the exceptions it allows (Strimzi's documentation of KafkaClusterSpec.config).
     */
    static final List<String> STRIMZI_FORBIDDEN = List.of("listeners", "advertised.", "broker.", "listener.", "host.name",
            "port", "inter.broker.listener.name", "sasl.", "ssl.", "security.", "password.", "log.dir", "zookeeper.",
            "authorizer.", "super.user", "cruise.control.metrics.topic", "cruise.control.metrics.reporter.bootstrap.servers",
            "node.id", "process.roles", "controller.", "metadata.log.dir", "client.quota.callback.static.");
    static final List<String> STRIMZI_ALLOWED = List.of("sasl.server.max.receive.size", "ssl.cipher.suites", "ssl.protocol",
            "ssl.enabled.protocols", "ssl.secure.random.implementation", "cruise.control.metrics.topic.num.partitions",
            "cruise.control.metrics.topic.replication.factor", "cruise.control.metrics.topic.retention.ms",
            "cruise.control.metrics.topic.auto.create.retries", "cruise.control.metrics.topic.auto.create.timeout.ms",
            "cruise.control.metrics.topic.min.insync.replicas", "controller.quorum.election.backoff.max.ms",
            "controller.quorum.election.timeout.ms", "controller.quorum.fetch.timeout.ms");

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/([^?]+).*");

    private final Schemas schemas;
    private final Set<String> topics;
    private final String kafkaVersion;

    /**
     * @param topics       the topic names of the event contract; the bundle must create exactly these
     * @param kafkaVersion the Kafka version the project's client and test broker run
     */
    public ManifestCheck(Schemas schemas, Set<String> topics, String kafkaVersion) {
        this.schemas = schemas;
        this.topics = Set.copyOf(topics);
        this.kafkaVersion = kafkaVersion;
    }

    public List<String> check(List<JsonNode> documents) {
        List<String> errors = new ArrayList<>();
        for (JsonNode document : documents) {
            validate(document, errors);
        }
        new Bundle(documents, errors).check();
        return errors;
    }

    private void validate(JsonNode document, List<String> errors) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String name = name(document);
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            errors.add(name + ": no apiVersion or kind");
            return;
        }
        Schemas.Kind gvk = Schemas.Kind.of(apiVersion, kind);
        Optional<JsonSchema> schema = schemas.schema(gvk);
        if (schema.isEmpty()) {
            errors.add(name + ": unknown kind " + gvk + " (neither Kubernetes 1.33 nor the operators' CRDs define it)");
            return;
        }
        report(name, schema.get().validate(document), errors);
        if (schemas.isCustom(gvk)) {
            report(name + " metadata", schemas.objectMeta().validate(document.path("metadata")), errors);
        }
    }

    private static void report(String name, Set<ValidationMessage> messages, List<String> errors) {
        new TreeSet<>(messages.stream().map(m -> name + ": " + m.getMessage()).toList()).forEach(errors::add);
    }

    static String name(JsonNode document) {
        return document.path("kind").asText("?") + "/" + document.path("metadata").path("name").asText("?");
    }

    /** The rules across documents, over one bundle. */
    private final class Bundle {
        private final List<JsonNode> documents;
        private final List<String> errors;
        private final Map<String, Set<String>> secretKeys = new HashMap<>();
        private final Set<String> configMaps = new HashSet<>();
        private final List<JsonNode> workloads = new ArrayList<>();

        Bundle(List<JsonNode> documents, List<String> errors) {
            this.documents = documents;
            this.errors = errors;
            for (JsonNode d : documents) {
                switch (d.path("kind").asText()) {
                    case "Secret" -> {
                        Set<String> keys = new HashSet<>();
                        d.path("data").fieldNames().forEachRemaining(keys::add);
                        d.path("stringData").fieldNames().forEachRemaining(keys::add);
                        secretKeys.put(d.path("metadata").path("name").asText(), keys);
                    }
                    case "ConfigMap" -> configMaps.add(d.path("metadata").path("name").asText());
                    case "Cluster" -> {
                        // CloudNativePG creates "<cluster>-app" for the database it bootstraps
                        if (d.path("spec").path("bootstrap").has("initdb")) {
                            secretKeys.put(d.path("metadata").path("name").asText() + "-app", CNPG_APP_SECRET_KEYS);
                        }
                    }
                    case "Deployment", "StatefulSet" -> workloads.add(d);
                    default -> {
                    }
                }
            }
        }

        void check() {
            workloads.forEach(this::workload);
            of("Service").forEach(this::service);
            of("PodDisruptionBudget").forEach(pdb -> selects(pdb, pdb.path("spec").path("selector").path("matchLabels")));
            of("Ingress").forEach(this::ingress);
            kafka();
            of("Cluster").forEach(this::postgres);
            connections();
            networkPolicies();
        }

        /**
         * A service's JDBC URL names a CloudNativePG cluster's read-write Service and the database
         * it bootstraps; the Kafka bootstrap names a Kafka of the bundle and its listener's port.
         */
        private void connections() {
            Map<String, String> databases = new HashMap<>();
            of("Cluster").forEach(c -> databases.put(c.path("metadata").path("name").asText() + "-rw",
                    c.path("spec").path("bootstrap").path("initdb").path("database").asText()));
            Set<String> bootstraps = new HashSet<>();
            for (JsonNode k : of("Kafka")) {
                for (JsonNode l : k.path("spec").path("kafka").path("listeners")) {
                    bootstraps.add(k.path("metadata").path("name").asText() + "-kafka-bootstrap:" + l.path("port").asText());
                }
            }
            for (JsonNode w : workloads) {
                for (JsonNode c : w.path("spec").path("template").path("spec").path("containers")) {
                    String host = null;
                    for (JsonNode env : c.path("env")) {
                        Matcher jdbc = JDBC.matcher(env.path("value").asText());
                        if (jdbc.matches()) {
                            host = jdbc.group(1);
                            if (!jdbc.group(2).equals(databases.get(host))) {
                                error(w, env.path("name").asText() + " names database " + jdbc.group(2) + " on " + host
                                        + ", which no CloudNativePG cluster of the bundle bootstraps");
                            }
                        }
                    }
                    // the credentials are those of the cluster the URL names
                    for (JsonNode env : c.path("env")) {
                        String secret = env.path("valueFrom").path("secretKeyRef").path("name").asText();
                        if (databases.containsKey(secret.replaceAll("-app$", "-rw")) && secret.endsWith("-app")
                                && (host == null || !secret.equals(host.replaceAll("-rw$", "-app")))) {
                            error(w, env.path("name").asText() + " takes the credentials of " + secret
                                    + (host == null ? " but connects to no database" : " but connects to " + host));
                        }
                    }
                }
            }
            Set<String> kafkaConfigMaps = new HashSet<>();
            for (JsonNode m : of("ConfigMap")) {
                JsonNode bootstrap = m.path("data").path("BEIQIN_KAFKA_BOOTSTRAP");
                if (!bootstrap.isMissingNode() && !bootstraps.contains(bootstrap.asText())) {
                    error(m, "BEIQIN_KAFKA_BOOTSTRAP " + bootstrap.asText() + " is no listener of a Kafka in the bundle " + bootstraps);
                }
                if (!bootstrap.isMissingNode()) {
                    kafkaConfigMaps.add(m.path("metadata").path("name").asText());
                }
            }
            // whoever reads the bootstrap must be one of the listener's networkPolicyPeers
            List<JsonNode> peers = new ArrayList<>();
            for (JsonNode k : of("Kafka")) {
                for (JsonNode l : k.path("spec").path("kafka").path("listeners")) {
                    if (!l.has("networkPolicyPeers")) {
                        peers.add(null); // open to every pod
                    }
                    l.path("networkPolicyPeers").forEach(p -> peers.add(p.path("podSelector").path("matchLabels")));
                }
            }
            for (JsonNode w : workloads) {
                boolean client = false;
                for (JsonNode c : w.path("spec").path("template").path("spec").path("containers")) {
                    for (JsonNode from : c.path("envFrom")) {
                        client |= kafkaConfigMaps.contains(from.path("configMapRef").path("name").asText());
                    }
                    for (JsonNode env : c.path("env")) {
                        client |= env.path("name").asText().equals("BEIQIN_KAFKA_BOOTSTRAP");
                    }
                }
                JsonNode labels = w.path("spec").path("template").path("metadata").path("labels");
                if (client && !peers.isEmpty() && peers.stream().noneMatch(p -> p == null || contains(labels, p))) {
                    error(w, "uses Kafka but its pods are none of the listener's networkPolicyPeers");
                }
            }
        }

        /**
         * Ingress is closed by default; every pod selector of a policy selects pods of the bundle; a
         * database is reached by the one workload whose JDBC URL names it, and by no other workload.
         */
        private void networkPolicies() {
            List<JsonNode> policies = of("NetworkPolicy");
            boolean closed = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                    && p.path("spec").path("policyTypes").toString().contains("Ingress") && p.path("spec").path("ingress").isEmpty());
            if (!closed) {
                errors.add("no NetworkPolicy closes ingress by default (podSelector {}, policyTypes [Ingress], no rules)");
            }
            List<JsonNode> pods = new ArrayList<>();
            workloads.forEach(w -> pods.add(w.path("spec").path("template").path("metadata").path("labels")));
            of("Cluster").forEach(c -> pods.add(JsonNodeFactory.instance.objectNode()
                    .put("cnpg.io/cluster", c.path("metadata").path("name").asText())));
            for (JsonNode p : policies) {
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    boolean everyone = !rule.has("from") || rule.path("from").isEmpty();
                    for (JsonNode peer : rule.path("from")) {
                        everyone |= peer.isEmpty() || (peer.has("namespaceSelector") && peer.path("namespaceSelector").isEmpty()
                                && (!peer.has("podSelector") || peer.path("podSelector").isEmpty()));
                    }
                    if (everyone) {
                        error(p, "opens its pods to every pod (an ingress rule without peers, or an empty selector)");
                    }
                    for (JsonNode port : rule.path("ports")) {
                        port(p, port.path("port"));
                        for (JsonNode w : workloads) {
                            if (!contains(w.path("spec").path("template").path("metadata").path("labels"),
                                    p.path("spec").path("podSelector").path("matchLabels"))) {
                                continue;
                            }
                            if (!ports(w).contains(port.path("port").asText())) {
                                error(p, "opens port " + port.path("port").asText() + ", which " + name(w) + " does not listen on");
                            }
                        }
                    }
                }
                List<JsonNode> selectors = new ArrayList<>();
                selectors.add(p.path("spec").path("podSelector").path("matchLabels"));
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                            selectors.add(peer.path("podSelector").path("matchLabels"));
                        }
                    }
                }
                for (JsonNode selector : selectors) {
                    if (!selector.isEmpty() && !selector.isMissingNode() && pods.stream().noneMatch(labels -> contains(labels, selector))) {
                        error(p, "its pod selector " + selector + " matches no pod of the bundle");
                    }
                }
            }
            for (JsonNode cluster : of("Cluster")) {
                String name = cluster.path("metadata").path("name").asText();
                Set<String> allowed = new TreeSet<>();
                for (JsonNode p : policies) {
                    if (!name.equals(p.path("spec").path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText())) {
                        continue;
                    }
                    for (JsonNode rule : p.path("spec").path("ingress")) {
                        for (JsonNode peer : rule.path("from")) {
                            for (JsonNode w : workloads) {
                                if (peer.has("podSelector") && !peer.has("namespaceSelector") && contains(
                                        w.path("spec").path("template").path("metadata").path("labels"), peer.path("podSelector").path("matchLabels"))) {
                                    allowed.add(w.path("metadata").path("name").asText());
                                }
                            }
                        }
                    }
                }
                Set<String> users = new TreeSet<>();
                for (JsonNode w : workloads) {
                    if (w.toString().contains("//" + name + "-rw:")) {
                        users.add(w.path("metadata").path("name").asText());
                    }
                }
                if (!allowed.equals(users)) {
                    error(cluster, "reachable by " + allowed + " but used by " + users + ": only a database's own service may reach it");
                }
            }
        }

        private List<JsonNode> of(String kind) {
            return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        }

        private void error(JsonNode document, String message) {
            errors.add(name(document) + ": " + message);
        }

        private void workload(JsonNode d) {
            JsonNode pod = d.path("spec").path("template");
            if (!contains(pod.path("metadata").path("labels"), d.path("spec").path("selector").path("matchLabels"))) {
                error(d, "its selector does not match its pod template's labels");
            }
            JsonNode spec = pod.path("spec");
            for (JsonNode c : spec.path("containers")) {
                String container = "container " + c.path("name").asText();
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (!c.has(probe)) {
                        error(d, container + " has no " + probe);
                    }
                }
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (!c.path("resources").path(kind).has(resource)) {
                            error(d, container + " has no " + resource + " " + kind);
                        }
                    }
                }
                String image = c.path("image").asText();
                if (!PINNED.matcher(image).matches()) {
                    error(d, container + " image " + image + " is not pinned to a version (x.y.z or x.y.z-<commit>) or a digest");
                }
                String host = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
                if (!(host.contains(".") || host.contains(":") || host.equals("localhost"))) {
                    error(d, container + " image " + image + " names no registry: it would be pulled from Docker Hub");
                }
                Set<String> ports = new HashSet<>();
                for (JsonNode p : c.path("ports")) {
                    ports.add(p.path("name").asText());
                    ports.add(p.path("containerPort").asText());
                    port(d, p.path("containerPort"));
                }
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    JsonNode port = c.path(probe).path("httpGet").path("port");
                    if (!port.isMissingNode() && !ports.contains(port.asText())) {
                        error(d, container + " " + probe + " probes port " + port.asText() + ", which the container does not open");
                    }
                }
                for (String kind : List.of("requests", "limits")) {
                    for (Map.Entry<String, JsonNode> q : c.path("resources").path(kind).properties()) {
                        if (!QUANTITY.matcher(q.getValue().asText()).matches()) {
                            error(d, container + " " + q.getKey() + " " + kind + " " + q.getValue().asText() + " is not a quantity");
                        }
                    }
                }
                for (JsonNode from : c.path("envFrom")) {
                    configMap(d, from.path("configMapRef").path("name"));
                    secret(d, from.path("secretRef").path("name"), null);
                }
                for (JsonNode env : c.path("env")) {
                    JsonNode ref = env.path("valueFrom");
                    configMap(d, ref.path("configMapKeyRef").path("name"));
                    secret(d, ref.path("secretKeyRef").path("name"), ref.path("secretKeyRef").path("key").asText(null));
                }
                Set<String> volumes = new HashSet<>();
                spec.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
                for (JsonNode mount : c.path("volumeMounts")) {
                    if (!volumes.contains(mount.path("name").asText())) {
                        error(d, container + " mounts volume " + mount.path("name").asText() + ", which the pod does not have");
                    }
                }
            }
            for (JsonNode v : spec.path("volumes")) {
                configMap(d, v.path("configMap").path("name"));
                if (v.has("secret")) {
                    secret(d, v.path("secret").path("secretName"), null);
                    for (JsonNode item : v.path("secret").path("items")) {
                        secret(d, v.path("secret").path("secretName"), item.path("key").asText());
                    }
                }
            }
        }

        private void port(JsonNode d, JsonNode port) {
            if (port.isInt() && (port.asInt() < 1 || port.asInt() > 65535)) {
                error(d, "port " + port.asInt() + " is outside 1–65535");
            }
        }

        private void configMap(JsonNode d, JsonNode name) {
            if (!name.isMissingNode() && !configMaps.contains(name.asText())) {
                error(d, "refers to ConfigMap " + name.asText() + ", which the bundle does not create");
            }
        }

        private void secret(JsonNode d, JsonNode name, String key) {
            if (name.isMissingNode()) {
                return;
            }
            Set<String> keys = secretKeys.get(name.asText());
            if (keys == null) {
                error(d, "refers to Secret " + name.asText() + ", which neither the bundle nor CloudNativePG creates");
            } else if (key != null && !keys.contains(key)) {
                error(d, "refers to key " + key + " of Secret " + name.asText() + ", which it does not have");
            }
        }

        /** The workload whose pods carry all these labels, if any. */
        private Optional<JsonNode> selects(JsonNode d, JsonNode selector) {
            if (selector.isMissingNode() || selector.isEmpty()) {
                error(d, "selects no pods (empty selector)");
                return Optional.empty();
            }
            Optional<JsonNode> target = workloads.stream()
                    .filter(w -> contains(w.path("spec").path("template").path("metadata").path("labels"), selector))
                    .findFirst();
            if (target.isEmpty()) {
                error(d, "its selector " + selector + " matches no pod of the bundle");
            }
            return target;
        }

        /** The names and numbers of the ports a workload's containers open. */
        private Set<String> ports(JsonNode workload) {
            Set<String> ports = new HashSet<>();
            for (JsonNode c : workload.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode p : c.path("ports")) {
                    ports.add(p.path("name").asText());
                    ports.add(p.path("containerPort").asText());
                }
            }
            return ports;
        }

        private void service(JsonNode s) {
            selects(s, s.path("spec").path("selector")).ifPresent(w -> {
                Set<String> ports = ports(w);
                for (JsonNode p : s.path("spec").path("ports")) {
                    JsonNode target = p.has("targetPort") ? p.path("targetPort") : p.path("port");
                    if (!ports.contains(target.asText())) {
                        error(s, "targets port " + target.asText() + ", which " + name(w) + " does not open");
                    }
                }
            });
        }

        private void ingress(JsonNode ingress) {
            Map<String, JsonNode> services = new HashMap<>();
            of("Service").forEach(s -> services.put(s.path("metadata").path("name").asText(), s));
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    JsonNode service = services.get(backend.path("name").asText());
                    if (service == null) {
                        error(ingress, "routes to Service " + backend.path("name").asText() + ", which the bundle does not create");
                        continue;
                    }
                    String port = backend.path("port").has("name") ? backend.path("port").path("name").asText()
                            : backend.path("port").path("number").asText();
                    boolean open = false;
                    for (JsonNode p : service.path("spec").path("ports")) {
                        open |= port.equals(p.path("name").asText()) || port.equals(p.path("port").asText());
                    }
                    if (!open) {
                        error(ingress, "routes to port " + port + " of Service " + backend.path("name").asText() + ", which it does not have");
                    }
                }
            }
        }

        private void kafka() {
            Map<String, JsonNode> clusters = new HashMap<>();
            of("Kafka").forEach(k -> clusters.put(k.path("metadata").path("name").asText(), k));
            Map<String, Integer> brokers = new HashMap<>();
            Map<String, Integer> controllers = new HashMap<>();
            for (JsonNode pool : of("KafkaNodePool")) {
                String cluster = pool.path("metadata").path("labels").path("strimzi.io/cluster").asText();
                if (!clusters.containsKey(cluster)) {
                    error(pool, "belongs to Kafka " + cluster + ", which the bundle does not create");
                }
                Set<String> roles = new HashSet<>();
                pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
                int replicas = pool.path("spec").path("replicas").asInt();
                if (roles.contains("broker")) {
                    brokers.merge(cluster, replicas, Integer::sum);
                }
                if (roles.contains("controller")) {
                    controllers.merge(cluster, replicas, Integer::sum);
                }
            }
            clusters.forEach((name, k) -> {
                String version = k.path("spec").path("kafka").path("version").asText();
                if (!STRIMZI_KAFKA_VERSIONS.contains(version)) {
                    error(k, "Kafka " + (version.isEmpty() ? "(operator's default)" : version)
                            + " is not one Strimzi 1.2.0 runs " + new TreeSet<>(STRIMZI_KAFKA_VERSIONS));
                } else if (!version.equals(kafkaVersion)) {
                    error(k, "Kafka " + version + " is not the version the project is tested with (" + kafkaVersion + ")");
                }
                int brokerCount = brokers.getOrDefault(name, 0);
                int controllerCount = controllers.getOrDefault(name, 0);
                if (brokerCount == 0 || controllerCount == 0) {
                    error(k, "needs node pools with broker and controller roles (KRaft); it has " + brokerCount
                            + " brokers and " + controllerCount + " controllers");
                } else if (controllerCount % 2 == 0) {
                    error(k, controllerCount + " controllers: a KRaft quorum needs an odd number");
                }
                JsonNode config = k.path("spec").path("kafka").path("config");
                for (String key : (Iterable<String>) () -> config.fieldNames()) {
                    if (STRIMZI_FORBIDDEN.stream().anyMatch(key::startsWith) && !STRIMZI_ALLOWED.contains(key)) {
                        error(k, "spec.kafka.config " + key + " is Strimzi's to set: it would be ignored");
                    }
                }
                for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                        "transaction.state.log.replication.factor", "share.coordinator.state.topic.replication.factor")) {
                    if (config.has(key) && config.path(key).asInt() > brokerCount) {
                        error(k, key + " " + config.path(key).asInt() + " exceeds the " + brokerCount + " brokers");
                    }
                }
                replication(k, config.path("default.replication.factor").asInt(1),
                        config.path("min.insync.replicas").asInt(1), brokerCount);
                if (config.path("auto.create.topics.enable").asBoolean(true)) {
                    error(k, "creates topics on first use (auto.create.topics.enable): the topics are the contract's, made by KafkaTopic");
                }
            });
            Set<String> made = new TreeSet<>();
            for (JsonNode topic : of("KafkaTopic")) {
                String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
                if (!made.add(name)) {
                    error(topic, "topic " + name + " is made twice");
                }
                String cluster = topic.path("metadata").path("labels").path("strimzi.io/cluster").asText();
                JsonNode k = clusters.get(cluster);
                if (k == null) {
                    error(topic, "belongs to Kafka " + cluster + ", which the bundle does not create");
                    continue;
                }
                int replicas = topic.path("spec").path("replicas").asInt(
                        k.path("spec").path("kafka").path("config").path("default.replication.factor").asInt(1));
                int minInsync = topic.path("spec").path("config").path("min.insync.replicas").asInt(
                        k.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt(1));
                replication(topic, replicas, minInsync, brokers.getOrDefault(cluster, 0));
            }
            if (!made.equals(new TreeSet<>(topics))) {
                Set<String> missing = new TreeSet<>(topics);
                missing.removeAll(made);
                Set<String> extra = new TreeSet<>(made);
                extra.removeAll(topics);
                errors.add("topics differ from the event contract's: missing " + missing + ", not in the contract " + extra);
            }
        }

        /** Replicas fit the brokers; with more than one replica, one broker may fail without stopping writes. */
        private void replication(JsonNode d, int replicas, int minInsync, int brokers) {
            if (replicas > brokers) {
                error(d, replicas + " replicas do not fit the node pool's " + brokers + " brokers");
            }
            if (minInsync > replicas) {
                error(d, "min.insync.replicas " + minInsync + " exceeds its " + replicas + " replicas: no write could succeed");
            } else if (replicas > 1 && minInsync >= replicas) {
                error(d, "min.insync.replicas " + minInsync + " with " + replicas + " replicas stops writes when one broker is down");
            } else if (replicas > 2 && minInsync < 2) {
                error(d, "min.insync.replicas " + minInsync + " with " + replicas
                        + " replicas acknowledges a write held by one broker only");
            }
        }

        /** More than one instance means a standby that must hold every acknowledged commit. */
        private void postgres(JsonNode cluster) {
            JsonNode spec = cluster.path("spec");
            if (spec.path("instances").asInt(1) > 1) {
                JsonNode sync = spec.path("postgresql").path("synchronous");
                if (sync.path("number").asInt(0) < 1 || !"required".equals(sync.path("dataDurability").asText("required"))) {
                    error(cluster, spec.path("instances").asInt() + " instances without a required synchronous standby:"
                            + " a failover can lose acknowledged writes");
                }
            }
        }
    }

    /** Whether labels hold every key/value of the selector. */
    static boolean contains(JsonNode labels, JsonNode selector) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> f : selector.properties()) {
            if (!f.getValue().asText().equals(labels.path(f.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
