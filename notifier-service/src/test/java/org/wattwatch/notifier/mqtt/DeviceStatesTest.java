package org.wattwatch.notifier.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.delivery.AlertRecord;

class DeviceStatesTest {

    private static final Instant START = Instant.parse("2026-01-05T03:00:00Z");

    private static ScoredReading minute(double wh, double totalWh) {
        return new ScoredReading(1, new MeterReading(1, "main", START, START.plusSeconds(60), wh, (long) wh, "pi", 1),
                0.5, 5, 7.5, true, "seed").withTotalWh(totalWh);
    }

    @Test
    void aMinutesReadingIsShownAsItsMeanPowerAgainstTheUsualRangeInWatts() {
        Map<String, Object> live = DeviceStates.live(minute(35, 1000));
        assertThat(live).containsEntry("power", 2100.0).containsEntry("usual_low", 30.0)
                .containsEntry("usual_high", 300.0).containsEntry("score", 7.5)
                .containsEntry("reading_end", "2026-01-05T03:01:00Z").containsEntry("model", "seed");
    }

    @Test
    void energyIsKilowattHoursToTheWattHourAndNothingBeforeAnyIsCounted() {
        assertThat(DeviceStates.energy(minute(35, 1234567.4))).contains("1234.567");
        assertThat(DeviceStates.energy(minute(35, 1.25))).contains("0.001");
        assertThat(DeviceStates.energy(minute(35, 0))).isEmpty();
    }

    @Test
    void usageIsUnusualWhileAUsageAlertOfTheMeterIsOpenAndTheLatestAlertGivesTheWords() {
        Anomaly raised = TestAnomalies.raised("main");
        Anomaly resolved = TestAnomalies.at("main", AnomalyState.RESOLVED, LocalDateTime.parse("2026-01-05T04:00"),
                Duration.ofHours(2), 200, 0.3);
        Anomaly elsewhere = TestAnomalies.raised("garage");

        assertThat(DeviceStates.alert("main", List.of())).containsEntry("unusual", "OFF").containsEntry("text", "");
        Map<String, Object> open = DeviceStates.alert("main", List.of(record(elsewhere, "garage"),
                record(raised, "At 04:00 main used 1500 Wh")));
        assertThat(open).containsEntry("unusual", "ON").containsEntry("text", "At 04:00 main used 1500 Wh")
                .containsEntry("alert_id", raised.alertId()).containsEntry("state", "RAISED")
                .containsEntry("kind", "USAGE");
        assertThat(DeviceStates.alert("main", List.of(record(resolved, "back to normal"))))
                .containsEntry("unusual", "OFF").containsEntry("text", "back to normal");
    }

    @Test
    void aLongTextIsShortenedToWhatHomeAssistantKeepsAndWhollyInTheAttributes() {
        String longText = "\uD83D\uDD25".repeat(300); // beyond the BMP: one character, two chars each
        Map<String, Object> state = DeviceStates.alert("main", List.of(record(TestAnomalies.raised("main"), longText)));
        String text = (String) state.get("text");
        assertThat(text.codePointCount(0, text.length())).isEqualTo(DeviceStates.STATE_LENGTH);
        assertThat(text).endsWith("\uD83D\uDD25…");
        assertThat(state).containsEntry("message", longText);
    }

    private static AlertRecord record(Anomaly anomaly, String message) {
        return new AlertRecord(anomaly, message, START, null, new TreeMap<>(), START);
    }
}
