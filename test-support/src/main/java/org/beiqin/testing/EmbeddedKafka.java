package org.beiqin.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker in KRaft mode, in the test JVM: storage formatted with
 * {@code StorageTool}, then {@code KafkaRaftServer}. One per test JVM, shared by every test class;
 * {@link #stop()} and {@link #start()} keep its port and data, so a test can take the broker away
 * and bring it back.
 */
public final class EmbeddedKafka {

    private static EmbeddedKafka shared;

    private final Path dataDir;
    private final Path config;
    private final int port;
    private KafkaRaftServer server;

    private EmbeddedKafka() throws IOException {
        dataDir = Files.createTempDirectory("beiqin-kafka-");
        Runtime.getRuntime().addShutdownHook(new Thread(this::deleteData, "beiqin-kafka-cleanup"));
        config = dataDir.resolve("server.properties");
        port = freePort();
        int controllerPort = freePort();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("log").toString());
        props.put("num.partitions", "6");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        try (var out = Files.newOutputStream(config)) {
            props.store(out, "beiqin test broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int formatted = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString(), "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (formatted != 0) {
            throw new IllegalStateException("kafka storage format failed: " + output);
        }
    }

    /** The broker of this test JVM, started on first use. */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            try {
                shared = new EmbeddedKafka();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared.start();
        }
        return shared;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        Properties props = new Properties();
        try (var in = Files.newInputStream(config)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    /** Shuts the broker down, as an outage would; {@link #start()} brings it back with its data. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private void deleteData() {
        stop();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temp directory left behind is harmless; never fail the JVM's exit over it
        }
    }

    public void createTopics(List<String> names, int partitions) {
        try (Admin admin = admin()) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30,
                            TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("creating topic " + name, e);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("creating topics " + names, e);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                Set<String> ignored = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("embedded kafka did not become ready", last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
