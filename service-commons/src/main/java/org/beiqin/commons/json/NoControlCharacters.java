package org.beiqin.commons.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every text a client sends, in every field and map key of every body: a NUL character cannot be
 * stored by PostgreSQL and no person types one, so it is refused as a bad field (400 naming the
 * field) instead of failing at the database as a 500.
 */
public final class NoControlCharacters {

    /** Refused as a field's value: a text with a NUL in it. */
    public static final class ControlCharacterException extends InvalidFormatException {
        private static final long serialVersionUID = 1L;

        ControlCharacterException(JsonParser parser, String value) {
            super(parser, "text contains a NUL character", value, String.class);
        }
    }

    public static final SimpleModule MODULE = new SimpleModule("beiqin-no-control-characters")
            .addDeserializer(String.class, new StringDeserializer() {
                private static final long serialVersionUID = 1L;

                @Override
                public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    return checked(parser, super.deserialize(parser, context));
                }
            })
            .addKeyDeserializer(String.class, new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                    return checked(context.getParser(), key);
                }
            });

    private NoControlCharacters() {
    }

    public static boolean contains(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static String checked(JsonParser parser, String text) throws ControlCharacterException {
        if (contains(text)) {
            throw new ControlCharacterException(parser, text.replace('\u0000', '?'));
        }
        return text;
    }
}
