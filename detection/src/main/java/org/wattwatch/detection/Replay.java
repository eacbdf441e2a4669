package org.wattwatch.detection;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ExpectedRange;

/**
 * A meter's history replayed reading by reading through the detector, as the scoring service
 * would have taken it, told as the owner would have lived it: each reading's verdict and each
 * alert, from the reading that raised it to the one that resolved it.
 */
public final class Replay {

    /**
     * One reading's verdict.
     *
     * @param inAlert the meter is in an alert after this reading
     */
    public record Row(LocalDateTime start, double wh, double expectedLowWh, double expectedHighWh, double score,
            boolean inAlert) {
    }

    /**
     * One alert as the owner hears of it.
     *
     * @param raisedAt   end of the reading that raised it, on the home's clock: when the owner is told
     * @param resolvedAt end of the reading that resolved it, or null if still open when the history ends
     * @param peakScore  the highest window score while it was open
     * @param excessWh   energy above the usual range while it was open
     */
    public record Alert(String alertId, LocalDateTime raisedAt, LocalDateTime resolvedAt, double peakScore,
            double excessWh) {
    }

    public record Result(List<Row> rows, List<Alert> alerts, List<Anomaly> events) {

        /** Alerts by the month the owner heard of them; every month the history covers is listed. */
        public Map<YearMonth, Long> alertsPerMonth() {
            Map<YearMonth, Long> perMonth = new TreeMap<>();
            rows.forEach(r -> perMonth.putIfAbsent(YearMonth.from(r.start()), 0L));
            alerts.forEach(a -> perMonth.merge(YearMonth.from(a.raisedAt()), 1L, Long::sum));
            return perMonth;
        }

        /** Alerts per month of 30.4 days over the span the readings cover. */
        public double alertsPerMonthAverage() {
            if (rows.isEmpty()) {
                return 0;
            }
            double days = Duration.between(rows.get(0).start(), rows.get(rows.size() - 1).start())
                    .toMinutes() / 1440.0;
            return alerts.size() / Math.max(days, 1.0) * 30.4;
        }
    }

    private Replay() {
    }

    /** @param readings one meter's readings in the order the service would have received them */
    public static Result run(AnomalyDetector detector, EnvelopeModel model, List<MeterReading> readings) {
        return run(detector, reading -> model, readings);
    }

    /**
     * With the model in use changing along the way, as a model swapped live does: the meter's window
     * and open alert carry over.
     *
     * @param modelFor the model in use when a reading arrives
     */
    public static Result run(AnomalyDetector detector, Function<MeterReading, EnvelopeModel> modelFor,
            List<MeterReading> readings) {
        List<Row> rows = new ArrayList<>(readings.size());
        List<Alert> alerts = new ArrayList<>();
        List<Anomaly> events = new ArrayList<>();
        HomeClock clock = detector.clock();
        MeterState state = MeterState.EMPTY;
        Anomaly raised = null;
        LocalDateTime raisedAt = null;
        double peak = 0;
        for (MeterReading reading : readings) {
            Detection d = detector.next(state, reading, modelFor.apply(reading));
            if (!d.late()) {
                state = d.state();
            }
            ExpectedRange range = d.window() != null ? d.window()
                    : new ExpectedRange(d.scored().expectedLowWh(), d.scored().expectedHighWh());
            rows.add(new Row(clock.local(reading.intervalStart()), reading.wh(), range.lowWh(), range.highWh(),
                    d.windowScore(), d.inAlert()));
            if (raised != null) {
                peak = Math.max(peak, d.windowScore());
            }
            if (d.event().isEmpty()) {
                continue;
            }
            Anomaly event = d.event().get();
            events.add(event);
            LocalDateTime heard = clock.local(reading.intervalEnd());
            if (d.late()) {
                alerts.add(new Alert(event.alertId(), heard, heard, event.score(), event.excessWh()));
            } else if (event.state() == AnomalyState.RAISED) {
                raised = event;
                raisedAt = heard;
                peak = event.score();
            } else if (event.state() == AnomalyState.RESOLVED && raised != null) {
                alerts.add(new Alert(raised.alertId(), raisedAt, heard, peak, event.excessWh()));
                raised = null;
            }
        }
        if (raised != null) {
            alerts.add(new Alert(raised.alertId(), raisedAt, null, peak, state.alert() == null ? raised.excessWh()
                    : state.alert().excessWh()));
        }
        return new Result(rows, alerts, events);
    }
}
