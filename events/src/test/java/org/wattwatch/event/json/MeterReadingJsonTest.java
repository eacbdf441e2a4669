package org.wattwatch.event.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.reading.MeterReading;

class MeterReadingJsonTest {

    private static final Instant START = Instant.parse("2026-01-05T04:00:00Z");
    private static final MeterReading READING =
            new MeterReading(1, "main", START, START.plusSeconds(60), 12.5, 12, "pi-1", 42);
    private static final String PLAIN = new String(EventJson.write(READING), StandardCharsets.UTF_8);
    private static final String[] FIELDS = {"schemaVersion", "meterId", "intervalStart", "intervalEnd", "wh",
        "pulses", "agentId", "sequence"};

    @Test
    void plainReadingsTakeTheStreamingPathAndReadAsDataBindingReadsThem() {
        List<String> plain = List.of(PLAIN,
                PLAIN.replace(",", ",\n  ").replace("\":", "\" : ").replace("{", " {\n ") + " \n",
                "{\"sequence\":42,\"agentId\":\"pi-1\",\"pulses\":12,\"wh\":12.5,\"intervalEnd\":\"2026-01-05T04:01:00Z\","
                        + "\"intervalStart\":\"2026-01-05T04:00:00Z\",\"meterId\":\"main\",\"schemaVersion\":1}",
                PLAIN.replace("{", "{\"firmware\":{\"v\":[1,2,{\"x\":null}],\"s\":\"}\"},\"note\":null,"),
                PLAIN.replace("\"2026-01-05T04:00:00Z\"", "\"2026-01-05T05:00:00+01:00\""),
                PLAIN.replace("\"wh\":12.5", "\"wh\":12"),
                PLAIN.replace("\"wh\":12.5", "\"wh\":1.25E1"),
                PLAIN.replace("\"main\"", "\"m\\u00e9ter \\\"1\\\"\""),
                PLAIN.replace("\"sequence\":42", "\"sequence\":9007199254740993"),
                PLAIN.replace("\"spoolUse\":0.0", "\"spoolUse\":0.85"),
                PLAIN.replace(",\"spoolUse\":0.0", "")); // a reading from before spoolUse
        assertThat(plain).allMatch(json -> !json.equals(PLAIN) || json.contains("\"spoolUse\":0.0"));
        for (String json : plain) {
            assertThat(MeterReadingJson.readPlain(bytes(json))).as(json).isNotNull();
            assertSameOutcome(bytes(json));
        }
        assertThat(MeterReadingJson.readValid(bytes(PLAIN))).isEqualTo(READING);
        assertThat(MeterReadingJson.readValid(bytes(PLAIN.replace("\"spoolUse\":0.0", "\"spoolUse\":0.85")))
                .spoolUse()).isEqualTo(0.85);
        assertThat(MeterReadingJson.readValid(bytes(PLAIN.replace(",\"spoolUse\":0.0", ""))).spoolUse()).isZero();
    }

    @Test
    void plainButInvalidReadingsGetTheSameViolations() {
        for (String json : List.of(PLAIN.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                PLAIN.replace("\"main\"", "\"  \""),
                PLAIN.replace("\"wh\":12.5", "\"wh\":-1"),
                PLAIN.replace("\"wh\":12.5", "\"wh\":1e400"),
                PLAIN.replace("\"pulses\":12", "\"pulses\":-12"),
                PLAIN.replace("\"spoolUse\":0.0", "\"spoolUse\":1.5"),
                PLAIN.replace("\"2026-01-05T04:00:00Z\"", "\"2026-01-05T04:02:00Z\""))) {
            assertThat(MeterReadingJson.readPlain(bytes(json))).as(json).isNotNull();
            assertThat(outcome(() -> MeterReadingJson.readValid(bytes(json)))).startsWith(
                    "org.wattwatch.event.validation.InvalidEventException");
            assertSameOutcome(bytes(json));
        }
    }

    @Test
    void everythingElseIsJudgedByDataBindingWithItsVerdictAndMessage() {
        List<String> odd = new ArrayList<>(List.of(
                PLAIN.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""),
                PLAIN.replace("\"schemaVersion\":1", "\"schemaVersion\":1.0"),
                PLAIN.replace("\"schemaVersion\":1", "\"schemaVersion\":99999999999"),
                PLAIN.replace("\"main\"", "null"),
                PLAIN.replace("\"main\"", "7"),
                PLAIN.replace("\"wh\":12.5", "\"wh\":\"12.5\""),
                PLAIN.replace("\"spoolUse\":0.0", "\"spoolUse\":null"),
                PLAIN.replace("\"wh\":12.5", "\"wh\":NaN"),
                PLAIN.replace("\"wh\":12.5", "\"wh\":null"),
                PLAIN.replace("\"pulses\":12", "\"pulses\":3.5"),
                PLAIN.replace("\"pulses\":12", "\"pulses\":100000000000000000000000"),
                PLAIN.replace("\"2026-01-05T04:00:00Z\"", "\"2026-01-05 04:00\""),
                PLAIN.replace("\"2026-01-05T04:00:00Z\"", "1767585600"),
                PLAIN.replace("\"sequence\":42", "\"sequence\":42,\"sequence\":43"),
                PLAIN + " x",
                PLAIN + " {}",
                PLAIN.substring(0, PLAIN.length() - 1),
                "[]", "\"reading\"", "null", "", "{}"));
        for (String field : FIELDS) {
            odd.add(PLAIN.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*),?", "").replace(",}", "}"));
        }
        for (String json : odd) {
            assertThat(MeterReadingJson.readPlain(bytes(json))).as(json).isNull();
            assertSameOutcome(bytes(json));
        }
        assertSameOutcome(null);
        assertSameOutcome(PLAIN.getBytes(StandardCharsets.UTF_16));
    }

    private static void assertSameOutcome(byte[] json) {
        assertThat(outcome(() -> MeterReadingJson.readValid(json))).as(json == null ? "null" : new String(json))
                .isEqualTo(outcome(() -> EventJson.readValid(json, MeterReading.class, MeterReading::violations)));
    }

    private static String outcome(java.util.function.Supplier<MeterReading> read) {
        try {
            return read.get().toString();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
