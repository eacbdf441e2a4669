package org.wattwatch.scoring.topology;

import java.io.ByteArrayOutputStream;

import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.score.ScoredReading;

import tools.jackson.core.JsonGenerator;

/**
 * {@code power.scored}'s JSON, written around the reading's own bytes: the reading was parsed
 * (strictly, one object, nothing after it) and left unchanged, so serialising it again would cost
 * time on every record and drop fields a newer agent added. The result reads back as the same
 * {@link ScoredReading}; bytes that are not plain UTF-8 starting with an object are written the
 * ordinary way.
 */
public final class ScoredReadingJson {

    private ScoredReadingJson() {
    }

    public static byte[] write(ScoredReading scored, byte[] readingJson) {
        if (!embeddable(readingJson)) {
            return EventJson.write(scored);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(readingJson.length + 160);
        try (JsonGenerator json = EventJson.mapper().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberProperty("schemaVersion", scored.schemaVersion());
            json.writeName("reading");
            json.writeRawValue(""); // the generator now expects a comma next
            json.flush();
            out.write(readingJson, 0, readingJson.length);
            json.writeNumberProperty("expectedLowWh", scored.expectedLowWh());
            json.writeNumberProperty("expectedHighWh", scored.expectedHighWh());
            json.writeNumberProperty("score", scored.score());
            json.writeBooleanProperty("anomaly", scored.anomaly());
            json.writeStringProperty("modelVersion", scored.modelVersion());
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /** UTF-8 (no byte order mark, no NUL, which UTF-16/32 would have) and an object first. */
    private static boolean embeddable(byte[] json) {
        int i = 0;
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        if (i == json.length || json[i] != '{') {
            return false;
        }
        for (byte b : json) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }
}
