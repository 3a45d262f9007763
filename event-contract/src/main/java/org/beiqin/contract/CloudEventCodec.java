package org.beiqin.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;

/**
 * Writes and reads the contract's CloudEvents 1.0 structured-mode JSON documents. The envelope is
 * produced by the CloudEvents SDK; {@code data} is the event's record as JSON.
 */
public final class CloudEventCodec {

    /** A mapper that writes instants as ISO-8601 strings and ignores unknown fields. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final JsonFormat FORMAT = new JsonFormat();

    private CloudEventCodec() {
    }

    /**
     * An event ready to be written. The envelope is written straight with Jackson, in one pass with
     * its data (the SDK's writer serialises the data, then parses it again to embed it: twice the
     * work for a stocktake's thousands of events); {@link #decode}, the SDK, reads it.
     */
    public static byte[] encode(UUID id, String source, String type, String subject, Instant time, String dataSchema,
            Object data) {
        URI.create(source);
        URI.create(dataSchema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", "1.0");
            json.writeStringField("id", id.toString());
            json.writeStringField("source", source);
            json.writeStringField("type", type);
            json.writeStringField("datacontenttype", "application/json");
            json.writeStringField("dataschema", dataSchema);
            json.writeStringField("subject", subject);
            json.writeStringField("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)));
            json.writeFieldName("data");
            MAPPER.writeValue(json, data);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
        return out.toByteArray();
    }

    /** Parses a structured-mode document; throws {@link MalformedEventException} with the reason. */
    public static CloudEvent decode(byte[] document) {
        try {
            return FORMAT.deserialize(Objects.requireNonNull(document, "empty record"));
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException
                | NullPointerException e) {
            throw new MalformedEventException("not a CloudEvents 1.0 JSON document: " + e.getMessage(), e);
        }
    }

    public static <T> T data(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new MalformedEventException("event " + event.getId() + " has no data", null);
        }
        try {
            return MAPPER.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new MalformedEventException("event " + event.getId() + " data is not a " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    public static String text(byte[] document) {
        return new String(document, StandardCharsets.UTF_8);
    }

    /** A record on a topic that does not follow the contract. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
