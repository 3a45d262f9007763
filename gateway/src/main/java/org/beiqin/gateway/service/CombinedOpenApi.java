package org.beiqin.gateway.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.beiqin.gateway.config.GatewayConfig;

/**
 * One OpenAPI document for the whole system: the gateway's own paths and every service's, read
 * from each service's {@code /q/openapi}. Paths never clash (each service has its prefix);
 * a schema name two services use for different shapes is renamed after its service. A service
 * that is down is listed in {@code x-beiqin-unavailable} instead of failing the whole document.
 */
@ApplicationScoped
public class CombinedOpenApi {

    private static final Logger LOG = Logger.getLogger(CombinedOpenApi.class);
    private static final String SCHEMA_REF = "#/components/schemas/";

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param own where the gateway's own document is (its {@code /q/openapi?format=json}) */
    public ObjectNode document(URI own) {
        ObjectNode combined = fetch(own);
        if (combined == null) {
            throw new IllegalStateException("the gateway's own OpenAPI document is not readable at " + own);
        }
        ObjectNode info = combined.withObject("/info");
        info.put("title", "备勤 Beiqin API");
        info.put("description", "经统一入口访问的全部接口：登录与用户、仓库、演练、值班、整改。"
                + " Every endpoint of the system, through the gateway. 令牌从 POST /api/auth/login 获得。");
        combined.remove("servers");
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Route> route : config.routes().entrySet()) {
            ObjectNode service = null;
            // any replica's document will do: they run the same build
            for (URI replica : route.getValue().url()) {
                service = fetch(replica.resolve(route.getValue().openapi()));
                if (service != null) {
                    break;
                }
            }
            if (service == null) {
                unavailable.add(route.getKey());
                continue;
            }
            merge(combined, service, route.getKey());
        }
        if (!unavailable.isEmpty()) {
            ArrayNode names = combined.putArray("x-beiqin-unavailable");
            unavailable.forEach(names::add);
        }
        return combined;
    }

    private void merge(ObjectNode into, ObjectNode service, String name) {
        ObjectNode schemas = into.withObject("/components").withObject("/schemas");
        JsonNode theirs = service.path("components").path("schemas");
        String prefix = pascal(name);
        // rename clashing schemas in the service's document before anything is copied
        String text = service.toString();
        for (Iterator<String> names = theirs.fieldNames(); names.hasNext();) {
            String schema = names.next();
            if (schemas.has(schema) && !schemas.get(schema).equals(theirs.get(schema))) {
                text = text.replace("\"" + SCHEMA_REF + schema + "\"", "\"" + SCHEMA_REF + prefix + schema + "\"");
            }
        }
        ObjectNode renamed;
        try {
            renamed = (ObjectNode) json.readTree(text);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = renamed.path("components").path("schemas").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> schema = it.next();
            String target = schemas.has(schema.getKey()) && !schemas.get(schema.getKey()).equals(schema.getValue())
                    ? prefix + schema.getKey()
                    : schema.getKey();
            schemas.set(target, schema.getValue());
        }
        ObjectNode paths = into.withObject("/paths");
        renamed.path("paths").fields().forEachRemaining(path -> paths.set(path.getKey(), path.getValue()));
        JsonNode securitySchemes = renamed.path("components").path("securitySchemes");
        if (securitySchemes.isObject()) {
            ObjectNode ours = into.withObject("/components").withObject("/securitySchemes");
            securitySchemes.fields().forEachRemaining(s -> ours.putIfAbsent(s.getKey(), s.getValue()));
        }
        ArrayNode tags = into.withArray("/tags");
        List<String> known = new ArrayList<>();
        tags.forEach(tag -> known.add(tag.path("name").asText()));
        renamed.path("tags").forEach(tag -> {
            if (!known.contains(tag.path("name").asText())) {
                tags.add(tag);
            }
        });
    }

    private ObjectNode fetch(URI location) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(location)
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("OpenAPI document at %s answered %d", location, response.statusCode());
                return null;
            }
            JsonNode node = json.readTree(response.body());
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            LOG.warnf("OpenAPI document at %s not readable: %s", location, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code warehouse-service} → {@code WarehouseService}. */
    private static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
