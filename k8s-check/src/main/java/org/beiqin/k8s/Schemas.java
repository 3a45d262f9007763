package org.beiqin.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * The schemas a Kubernetes API server would check a document against, read from
 * {@code ../shared/k8s-schemas}: the API server's own OpenAPI v3 documents for the built-in kinds
 * ({@code kubernetes-1.33/api/v1.json}, {@code apis/<group>/<version>.json}) and the
 * CustomResourceDefinitions of the operators (CloudNativePG, Strimzi).
 *
 * <p>The API server rejects unknown fields (server-side field validation "Strict", kubectl's
 * default); the OpenAPI documents don't say so, since for them an object without
 * {@code additionalProperties} is open. So every object schema that lists its properties is closed
 * here ({@code additionalProperties: false}) unless it is marked
 * {@code x-kubernetes-preserve-unknown-fields}, as the API server's pruning treats it. Custom
 * resources' {@code metadata} is checked against the built-in ObjectMeta, as the API server does.
 * CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
public final class Schemas {

    /** group/version/kind of a document: "" is the core group. */
    public record Kind(String group, String version, String kind) {
        public static Kind of(String apiVersion, String kind) {
            int slash = apiVersion.indexOf('/');
            return slash < 0 ? new Kind("", apiVersion, kind)
                    : new Kind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
        }

        @Override
        public String toString() {
            return (group.isEmpty() ? version : group + "/" + version) + " " + kind;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path root;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            // OpenAPI formats (int32, int-or-string, byte, date-time…) are hints, not JSON Schema assertions
            .formatAssertionsEnabled(false)
            .build();
    /** Built-in kinds: the OpenAPI document (strictified) and the schema name of each kind. */
    private final Map<String, ObjectNode> openApiDocuments = new ConcurrentHashMap<>();
    private final Map<Kind, JsonNode> customResources = new HashMap<>();
    private final Map<Kind, Optional<JsonSchema>> compiled = new ConcurrentHashMap<>();
    private JsonSchema objectMeta;

    public Schemas(Path root) {
        if (!Files.isDirectory(root.resolve("kubernetes-1.33"))) {
            throw new IllegalStateException("no Kubernetes schemas at " + root
                    + " (expected ../shared/k8s-schemas beside the repository, or -Dbeiqin.k8s.schemas=…)");
        }
        this.root = root;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                if (crd == null || !"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    continue;
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                        close(schema);
                        customResources.put(new Kind(group, version.path("name").asText(), kind), schema);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the operators' CRDs define this kind (so the API server learns it from them). */
    public boolean isCustom(Kind kind) {
        return customResources.containsKey(kind);
    }

    /** The schema of a kind, or empty when neither Kubernetes 1.33 nor the operators know it. */
    public Optional<JsonSchema> schema(Kind kind) {
        return compiled.computeIfAbsent(kind, this::compile);
    }

    /** ObjectMeta, for custom resources (their CRDs say only "metadata: object"). */
    public synchronized JsonSchema objectMeta() {
        if (objectMeta == null) {
            objectMeta = fromDocument(openApi(""), "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        }
        return objectMeta;
    }

    private Optional<JsonSchema> compile(Kind kind) {
        JsonNode custom = customResources.get(kind);
        if (custom != null) {
            return Optional.of(factory.getSchema(custom, config));
        }
        ObjectNode document = openApi(kind.group() + "/" + kind.version());
        if (document == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            for (JsonNode gvk : schema.getValue().path("x-kubernetes-group-version-kind")) {
                if (gvk.path("group").asText().equals(kind.group()) && gvk.path("version").asText().equals(kind.version())
                        && gvk.path("kind").asText().equals(kind.kind())) {
                    return Optional.of(fromDocument(document, schema.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    /** A schema that is one of the document's components, with the document as root for its $refs. */
    private JsonSchema fromDocument(ObjectNode document, String name) {
        ObjectNode withRef = document.deepCopy();
        withRef.put("$ref", "#/components/schemas/" + name);
        return factory.getSchema(withRef, config);
    }

    /** The OpenAPI document of a group/version ("" or "/v1" is the core group), closed; null if none. */
    private ObjectNode openApi(String groupVersion) {
        String relative = groupVersion.isEmpty() || groupVersion.startsWith("/")
                ? "kubernetes-1.33/api/" + (groupVersion.isEmpty() ? "v1" : groupVersion.substring(1)) + ".json"
                : "kubernetes-1.33/apis/" + groupVersion + ".json";
        return openApiDocuments.computeIfAbsent(relative, r -> {
            Path file = root.resolve(r);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                ObjectNode document = (ObjectNode) JSON.readTree(file.toFile());
                document.path("components").path("schemas").forEach(Schemas::close);
                return document;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Closes every object schema that lists its properties, as strict field validation does. */
    static void close(JsonNode schema) {
        close(schema, false);
    }

    /**
     * @param branch the schema is one alternative or part of an allOf/anyOf/oneOf/not, which
     *               constrains an object whose fields its parent lists (Strimzi: "value or
     *               valueFrom"); closing the branch would refuse the parent's other fields
     */
    private static void close(JsonNode schema, boolean branch) {
        if (schema == null || !schema.isContainerNode()) {
            return;
        }
        if (schema.isArray()) {
            schema.forEach(s -> close(s, branch));
            return;
        }
        ObjectNode node = (ObjectNode) schema;
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (!branch && node.has("properties") && !node.has("additionalProperties") && !preserve) {
            node.put("additionalProperties", false);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                // names → schemas
                case "properties", "patternProperties", "definitions" -> value.forEach(s -> close(s, false));
                case "items", "additionalProperties", "additionalItems" -> close(value, false);
                case "allOf", "anyOf", "oneOf", "not" -> close(value, true);
                default -> {
                    // enum, default, example, required, x-kubernetes-*: values, not schemas
                }
            }
        }
    }
}
