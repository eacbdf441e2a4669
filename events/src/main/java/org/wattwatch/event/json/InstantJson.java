package org.wattwatch.event.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;

import com.ethlo.time.ITU;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Instants on the wire as RFC 3339 UTC text, read and written by ITU instead of
 * {@code DateTimeFormatter}, which cost the scoring service about a microsecond per reading. The
 * text is what {@link Instant#toString()} gives (no fraction, or 3, 6 or 9 digits); any RFC 3339
 * offset is accepted on input, and nothing else (no epoch numbers).
 */
final class InstantJson {

    private InstantJson() {
    }

    static SimpleModule module() {
        return new SimpleModule("wattwatch-instants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /** @throws DateTimeException when the text is not RFC 3339 */
    static Instant parse(String text) {
        return ITU.parseDateTime(text).toInstant();
    }

    static String format(Instant instant) {
        int nanos = instant.getNano();
        int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        return ITU.formatUtc(instant.atOffset(ZoneOffset.UTC), digits);
    }

    private static final class Writer extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(format(value));
        }
    }

    private static final class Reader extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getString();
            try {
                return parse(text);
            } catch (DateTimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "not an RFC 3339 time such as 2026-01-05T03:00:00Z (" + e.getMessage() + ")");
            }
        }
    }
}
