package org.wattwatch.scoring.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.score.ScoredReading;

import tools.jackson.core.io.NumberOutput;

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
        String low = number(scored.expectedLowWh());
        String high = number(scored.expectedHighWh());
        String score = number(scored.score());
        String total = number(scored.totalWh());
        String version = scored.modelVersion();
        if (!embeddable(readingJson) || low == null || high == null || score == null || total == null
                || !needsNoEscape(version)) {
            return EventJson.write(scored);
        }
        // the bytes Jackson's generator writes for these fields (same number formatting), without a
        // generator: creating one per reading cost more than the writing
        Bytes out = new Bytes(readingJson.length + 190 + 3 * version.length());
        out.ascii("{\"schemaVersion\":").ascii(Integer.toString(scored.schemaVersion())).ascii(",\"reading\":");
        out.raw(readingJson);
        out.ascii(",\"expectedLowWh\":").ascii(low).ascii(",\"expectedHighWh\":").ascii(high)
                .ascii(",\"score\":").ascii(score).ascii(",\"anomaly\":").ascii(scored.anomaly() ? "true" : "false")
                .ascii(",\"modelVersion\":\"").raw(version.getBytes(StandardCharsets.UTF_8))
                .ascii("\",\"totalWh\":").ascii(total).ascii("}");
        return out.toArray();
    }

    /** As JSON writes a finite double; null for NaN and infinities, which Jackson writes as strings. */
    private static String number(double value) {
        return NumberOutput.notFinite(value) ? null : NumberOutput.toString(value, true);
    }

    /** No control character, quote or backslash: written as its UTF-8, as Jackson does. */
    private static boolean needsNoEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static final class Bytes {

        private byte[] bytes;
        private int length;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        Bytes ascii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[length + i] = (byte) text.charAt(i); // ASCII only: one byte per char
            }
            length += text.length();
            return this;
        }

        Bytes raw(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
            return this;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        byte[] toArray() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
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
