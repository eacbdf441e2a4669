package org.wattwatch.scoring.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;

class ScoredReadingJsonTest {

    private static final Instant START = Instant.parse("2026-01-05T03:00:00Z");
    private static final ScoredReading SCORED = new ScoredReading(1,
            new MeterReading(1, "main \"kitchen\"", START, START.plusSeconds(60), 35.5, 36, "pi-1", 7), 2.25, 9.5,
            4.58620689655, true, "gbm-\u00e9t\u00e9-1");

    @Test
    void writesTheBytesOfTheOrdinaryWriter() {
        for (ScoredReading scored : new ScoredReading[] {SCORED, withVersion("gbm-2026-01-05+1"),
            new ScoredReading(1, SCORED.reading(), 0, 1e-7, 123456789.125, false, "v1"),
            new ScoredReading(1, SCORED.reading(), 0, 0, Double.POSITIVE_INFINITY, true, "v1"),
            new ScoredReading(1, SCORED.reading(), 0, 0, Double.NaN, false, "v1"),
            SCORED.withTotalWh(1234567.125), withVersion("tab\there"), withVersion("quote\"d")}) {
            byte[] embedded = ScoredReadingJson.write(scored, EventJson.write(scored.reading()));
            assertThat(new String(embedded, StandardCharsets.UTF_8))
                    .isEqualTo(new String(EventJson.write(scored), StandardCharsets.UTF_8));
        }
        assertThat(EventJson.read(ScoredReadingJson.write(SCORED, EventJson.write(SCORED.reading())),
                ScoredReading.class)).isEqualTo(SCORED);
    }

    @Test
    void aRecordWrittenBeforeEnergyWasCountedReadsAsNoneCounted() {
        String written = new String(ScoredReadingJson.write(SCORED.withTotalWh(42), EventJson.write(SCORED.reading())),
                StandardCharsets.UTF_8);
        String before = written.replace(",\"totalWh\":42.0", "");
        assertThat(before).isNotEqualTo(written);
        assertThat(EventJson.read(before.getBytes(StandardCharsets.UTF_8), ScoredReading.class).totalWh()).isZero();
    }

    @Test
    void keepsTheReadingAsTheAgentSentIt() {
        String sent = "  {\"future\":{\"phase\":[1,2]}," + new String(EventJson.write(SCORED.reading()),
                StandardCharsets.UTF_8).substring(1) + "\n";
        String written = new String(ScoredReadingJson.write(SCORED, sent.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertThat(written).contains("\"future\":{\"phase\":[1,2]}");
        assertThat(EventJson.read(written.getBytes(StandardCharsets.UTF_8), ScoredReading.class)).isEqualTo(SCORED);
    }

    private static ScoredReading withVersion(String version) {
        return new ScoredReading(1, SCORED.reading(), SCORED.expectedLowWh(), SCORED.expectedHighWh(), SCORED.score(),
                SCORED.anomaly(), version);
    }

    @Test
    void bytesThatAreNotPlainUtf8AreWrittenTheOrdinaryWay() {
        String json = new String(EventJson.write(SCORED.reading()), StandardCharsets.UTF_8);
        byte[] utf16 = json.getBytes(StandardCharsets.UTF_16LE);
        byte[] bom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
        assertThat(ScoredReadingJson.write(SCORED, utf16)).isEqualTo(EventJson.write(SCORED));
        assertThat(ScoredReadingJson.write(SCORED, bom)).isEqualTo(EventJson.write(SCORED));
    }
}
