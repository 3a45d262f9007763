package org.beiqin.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.common.utils.AppInfoParser;
import org.beiqin.contract.Topics;

/** The overlays of deploy/k8s rendered once per test run, each from a copy with fresh throw-away secrets. */
final class Bundles {

    static final Path MANIFESTS = Path.of(System.getProperty("beiqin.k8s.manifests", "../deploy/k8s"));
    static final Schemas SCHEMAS = new Schemas(Path.of(System.getProperty("beiqin.k8s.schemas", "../../shared/k8s-schemas")));
    static final ManifestCheck CHECK = new ManifestCheck(SCHEMAS, contractTopics(), AppInfoParser.getVersion());

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Bundles() {
    }

    /** The documents of one overlay; tests get deep copies they may change. */
    static List<JsonNode> overlay(String name) {
        return RENDERED.computeIfAbsent(name, Bundles::render).stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    static Set<String> contractTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    topics.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    private static List<JsonNode> render(String overlay) {
        try {
            Path copy = Files.createTempDirectory("beiqin-k8s");
            try {
                try (Stream<Path> files = Files.walk(MANIFESTS)) {
                    for (Path source : files.filter(p -> !MANIFESTS.relativize(p).toString().matches("(.*/)?secrets(/.*)?")).toList()) {
                        Path target = copy.resolve(MANIFESTS.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(source, target);
                        }
                    }
                }
                Process secrets = new ProcessBuilder("bash", copy.resolve("secrets.sh").toString(), overlay)
                        .redirectErrorStream(true).start();
                String output = new String(secrets.getInputStream().readAllBytes());
                if (!secrets.waitFor(60, TimeUnit.SECONDS) || secrets.exitValue() != 0) {
                    throw new IllegalStateException("deploy/k8s/secrets.sh " + overlay + " failed: " + output);
                }
                return Kustomize.render(copy.resolve("overlays").resolve(overlay));
            } finally {
                try (Stream<Path> files = Files.walk(copy)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first document of this kind and name. */
    static JsonNode find(List<JsonNode> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> d.path("kind").asText().equals(kind) && d.path("metadata").path("name").asText().startsWith(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }
}
