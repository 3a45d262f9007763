package org.beiqin.commons.json;

import java.io.IOException;
import java.math.BigDecimal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as people read it: quantities from numeric columns are written without trailing zeros
 * ({@code 3}, not {@code 3.000}), and a body with a field the API does not know is refused rather
 * than half-read (a typo such as {@code "quantiy"} must not pass silently), and no text may carry a
 * NUL character ({@link NoControlCharacters}).
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    /** Writes {@code 3.000} as {@code 3} and {@code 2.500} as {@code 2.5}, never in exponent form. */
    public static final SimpleModule DECIMALS = new SimpleModule("beiqin-decimals")
            .addSerializer(BigDecimal.class, new JsonSerializer<>() {
                @Override
                public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers)
                        throws IOException {
                    gen.writeNumber(value.stripTrailingZeros().toPlainString());
                }
            });

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(DECIMALS);
        mapper.registerModule(NoControlCharacters.MODULE);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // "pattern": 1 is not WEEKLY: an enum is written by its name
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
