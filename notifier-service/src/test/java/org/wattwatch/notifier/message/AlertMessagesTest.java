package org.wattwatch.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.alert.AnomalyState;

class AlertMessagesTest {

    private final AlertMessages messages = new AlertMessages();

    private static Anomaly anomaly(int minutes, double wh, double high) {
        Instant start = Instant.parse("2026-01-05T03:00:00Z");
        return new Anomaly(1, "id", AnomalyState.RAISED, "main", start, start.plusSeconds(minutes * 60L),
                LocalDateTime.parse("2026-01-05T04:00"), "Europe/Paris", wh, 108, high, 5.46, "seed");
    }

    @Test
    void hourlyAlertReadsLikeASentenceOnLocalTime() {
        assertThat(messages.text(anomaly(60, 1500, 363)))
                .isEqualTo("Unusual power use on meter main: 1500 Wh in the hour from 04:00, usually at most 363 Wh (4.1x).");
    }

    @Test
    void shortIntervalsSayTheirLength() {
        assertThat(messages.text(anomaly(15, 375, 90.75)))
                .isEqualTo("Unusual power use on meter main: 375 Wh in the 15 minutes from 04:00, usually at most 90.8 Wh (4.1x).");
    }

    @Test
    void noRatioAgainstAnEmptyRange() {
        assertThat(messages.text(anomaly(60, 50, 0))).endsWith("usually at most 0.0 Wh.");
    }
}
