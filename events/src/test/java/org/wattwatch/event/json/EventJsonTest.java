package org.wattwatch.event.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.validation.InvalidEventException;
import org.wattwatch.event.validation.Violation;

class EventJsonTest {

    private static final Instant START = Instant.parse("2026-01-05T04:00:00Z");
    private static final MeterReading READING =
            new MeterReading(1, "main", START, START.plusSeconds(3600), 1500, 1500, "pi-1", 42);

    @Test
    void readingRoundTripsWithIsoTimes() {
        byte[] json = EventJson.write(READING);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"intervalStart\":\"2026-01-05T04:00:00Z\"");
        assertThat(EventJson.read(json, MeterReading.class)).isEqualTo(READING);
    }

    @Test
    void instantsAreWrittenAsInstantToStringAndReadFromAnyRfc3339Offset() {
        for (String text : new String[] {"2026-01-05T04:00:00Z", "2026-01-05T04:00:00.120Z",
                "2026-01-05T04:00:00.000123Z", "2026-01-05T04:00:00.000000007Z", "1969-12-31T23:59:59Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(InstantJson.format(instant)).isEqualTo(instant.toString());
            MeterReading reading = new MeterReading(1, "main", instant, instant.plusSeconds(60), 1, 1, "pi-1", 1);
            assertThat(EventJson.read(EventJson.write(reading), MeterReading.class)).isEqualTo(reading);
        }
        String withOffset = new String(EventJson.write(READING), StandardCharsets.UTF_8)
                .replace("\"2026-01-05T04:00:00Z\"", "\"2026-01-05T05:00:00+01:00\"");
        assertThat(EventJson.read(withOffset.getBytes(StandardCharsets.UTF_8), MeterReading.class)).isEqualTo(READING);
    }

    @Test
    void aTimeThatIsNotRfc3339IsAFormatErrorNamingTheField() {
        String json = new String(EventJson.write(READING), StandardCharsets.UTF_8)
                .replace("\"2026-01-05T04:00:00Z\"", "\"2026-01-05 04:00\"");
        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), MeterReading.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("RFC 3339").hasMessageContaining("intervalStart");
        String number = new String(EventJson.write(READING), StandardCharsets.UTF_8)
                .replace("\"2026-01-05T04:00:00Z\"", "1767585600");
        assertThatThrownBy(() -> EventJson.read(number.getBytes(StandardCharsets.UTF_8), MeterReading.class))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("intervalStart");
    }

    /** Unknown fields are ignored, but still parsed: their shape is bounded like the event's own. */
    @Test
    void deepNestingOrEndlessNumbersAreFormatErrorsNotWork() {
        String reading = new String(EventJson.write(READING), StandardCharsets.UTF_8);
        String deep = reading.replace("{\"", "{\"extra\":" + "[".repeat(100) + "]".repeat(100) + ",\"");
        assertThatThrownBy(() -> EventJson.read(deep.getBytes(StandardCharsets.UTF_8), MeterReading.class))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("nesting depth");
        String longNumber = reading.replace("{\"", "{\"extra\":" + "9".repeat(5_000) + ",\"");
        assertThatThrownBy(() -> EventJson.read(longNumber.getBytes(StandardCharsets.UTF_8), MeterReading.class))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("Number value length");
        String shallow = reading.replace("{\"", "{\"extra\":[[1]],\"");
        assertThat(EventJson.read(shallow.getBytes(StandardCharsets.UTF_8), MeterReading.class)).isEqualTo(READING);
    }

    @Test
    void scoredAndAnomalyRoundTrip() {
        ScoredReading scored = new ScoredReading(1, READING, 108, 363, 5.4588, true, "seed-1");
        assertThat(EventJson.read(EventJson.write(scored), ScoredReading.class)).isEqualTo(scored);
        Anomaly anomaly = new Anomaly(1, Anomaly.alertIdFor("main", START), AnomalyState.RAISED, "main", START,
                START.plusSeconds(3600), LocalDateTime.parse("2026-01-05T05:00"), "Europe/Paris", 1500, 108, 363,
                5.4588, "seed-1", START, 1137);
        String text = new String(EventJson.write(anomaly), StandardCharsets.UTF_8);
        assertThat(text).contains("\"localStart\":\"2026-01-05T05:00:00\"");
        assertThat(EventJson.read(text.getBytes(StandardCharsets.UTF_8), Anomaly.class)).isEqualTo(anomaly);
    }

    @Test
    void anAnomalyWrittenBeforeAlertsHadAKindReadsAsUsageAndASilentOneKeepsItsKind() {
        Anomaly silent = new Anomaly(1, Anomaly.alertIdFor("main", START), AnomalyState.RAISED, "main", START,
                START.plusSeconds(900), LocalDateTime.parse("2026-01-05T05:00"), "Europe/Paris", 0, 0, 0, 0, "seed-1",
                START, 0, AlertKind.SILENT);
        String text = new String(EventJson.write(silent), StandardCharsets.UTF_8);
        assertThat(text).contains("\"kind\":\"SILENT\"");
        assertThat(EventJson.readValid(text.getBytes(StandardCharsets.UTF_8), Anomaly.class, Anomaly::violations))
                .isEqualTo(silent);

        String before = text.replace(",\"kind\":\"SILENT\"", "");
        assertThat(before).doesNotContain("kind");
        assertThat(EventJson.readValid(before.getBytes(StandardCharsets.UTF_8), Anomaly.class, Anomaly::violations)
                .kind()).isEqualTo(AlertKind.USAGE);
        assertThat(EventJson.read(text.replace("\"SILENT\"", "null").getBytes(StandardCharsets.UTF_8), Anomaly.class)
                .violations()).extracting(v -> v.field()).contains("kind");
    }

    @Test
    void alertIdIsStablePerMeterAndStart() {
        assertThat(Anomaly.alertIdFor("main", START)).isEqualTo(Anomaly.alertIdFor("main", START))
                .isNotEqualTo(Anomaly.alertIdFor("garage", START))
                .isNotEqualTo(Anomaly.alertIdFor("main", START.plusSeconds(60)));
    }

    @Test
    void missingFieldIsNamed() {
        byte[] json = "{\"schemaVersion\":1,\"meterId\":\"main\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventJson.read(json, MeterReading.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("intervalStart");
    }

    @Test
    void garbageIsAFormatError() {
        assertThatThrownBy(() -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8), MeterReading.class))
                .isInstanceOf(EventFormatException.class).hasMessageStartingWith("unreadable MeterReading");
        assertThatThrownBy(() -> EventJson.read(null, MeterReading.class)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        String json = new String(EventJson.write(READING), StandardCharsets.UTF_8).replace("{", "{\"future\":true,");
        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), MeterReading.class)).isEqualTo(READING);
    }

    @Test
    void validationNamesEveryBadField() {
        MeterReading bad = new MeterReading(2, " ", START, START, Double.NaN, -1, "pi-1", 0);
        assertThatThrownBy(() -> EventJson.readValid(EventJson.write(bad), MeterReading.class, MeterReading::violations))
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(((InvalidEventException) e).violations()).extracting(Violation::field)
                        .containsExactly("schemaVersion", "meterId", "intervalEnd", "wh", "pulses"));
    }

    @Test
    void validReadingHasNoViolations() {
        assertThat(READING.violations()).isEmpty();
    }
}
