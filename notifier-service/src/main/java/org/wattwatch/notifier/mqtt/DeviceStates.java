package org.wattwatch.notifier.mqtt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.notifier.delivery.AlertRecord;

/** What a meter's entities read: its live values from a scored reading, its alert from the alert book. */
final class DeviceStates {

    /** HA keeps at most this many characters of a state; the whole text is in the attributes. */
    static final int STATE_LENGTH = 255;

    private DeviceStates() {
    }

    /** Power and the usual range in watts (the reading's mean over its interval), the score, and when. */
    static Map<String, Object> live(ScoredReading scored) {
        MeterReading reading = scored.reading();
        double hours = reading.duration().toMillis() / 3_600_000.0;
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("power", round(reading.wh() / hours, 1));
        state.put("usual_low", round(scored.expectedLowWh() / hours, 1));
        state.put("usual_high", round(scored.expectedHighWh() / hours, 1));
        state.put("score", round(scored.score(), 3));
        state.put("reading_start", reading.intervalStart().toString());
        state.put("reading_end", reading.intervalEnd().toString());
        state.put("model", scored.modelVersion());
        return state;
    }

    /**
     * The meter's energy in kWh to the watt-hour, or empty before the scoring service counted any. Rounding
     * keeps the order of the totals, so a total that never goes down is never told going down.
     */
    static Optional<String> energy(ScoredReading scored) {
        return scored.totalWh() > 0
                ? Optional.of(BigDecimal.valueOf(scored.totalWh()).movePointLeft(3).setScale(3, RoundingMode.HALF_UP)
                        .toPlainString())
                : Optional.empty();
    }

    /**
     * Unusual usage while any of the meter's usage alerts is open; the words of the meter's latest alert
     * of any kind (a silent meter, a dark sensor), with its details as attributes.
     *
     * @param alerts the alert book's alerts, latest change first
     */
    static Map<String, Object> alert(String meter, List<AlertRecord> alerts) {
        boolean unusual = false;
        AlertRecord latest = null;
        for (AlertRecord r : alerts) {
            if (!r.anomaly().meterId().equals(meter) || r.anomaly().kind() == AlertKind.CHANNEL) {
                continue;
            }
            latest = latest == null ? r : latest;
            unusual |= r.anomaly().kind() == AlertKind.USAGE && r.anomaly().state() != AnomalyState.RESOLVED;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("unusual", unusual ? "ON" : "OFF");
        state.put("text", latest == null ? "" : shortened(latest.message()));
        if (latest != null) {
            state.put("message", latest.message());
            state.put("alert_id", latest.anomaly().alertId());
            state.put("kind", latest.anomaly().kind().name());
            state.put("state", latest.anomaly().state().name());
            state.put("since", latest.anomaly().raisedAt().toString());
            state.put("excess_wh", round(latest.anomaly().excessWh(), 1));
            state.put("snoozed_until", latest.snoozedUntil() == null ? null : latest.snoozedUntil().toString());
        }
        return state;
    }

    private static String shortened(String text) {
        return text.codePointCount(0, text.length()) <= STATE_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, STATE_LENGTH - 1)) + "…";
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
