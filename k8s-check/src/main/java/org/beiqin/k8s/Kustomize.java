package org.beiqin.k8s;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomize overlay with the kustomize built into kubectl ({@code kubectl kustomize}),
 * or a standalone {@code kustomize build}; deploy/prereqs.sh installs kubectl where neither is.
 */
public final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {
    }

    public static List<JsonNode> render(Path overlay) {
        List<String> command = onPath("kubectl") ? List.of("kubectl", "kustomize", overlay.toString())
                : onPath("kustomize") ? List.of("kustomize", "build", overlay.toString())
                : null;
        if (command == null) {
            throw new IllegalStateException("neither kubectl nor kustomize is installed (deploy/prereqs.sh installs kubectl)");
        }
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return parse(Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every document of a multi-document YAML stream. */
    public static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    documents.add(d);
                }
            }
        }
        return documents;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
