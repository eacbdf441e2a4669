package org.wattwatch.trainer.retrain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.wattwatch.detection.Replay;
import org.wattwatch.event.learning.AlertFeedback;

/** Spans of time a retrain treats apart: what the owner said, and alerts nobody said anything of. */
final class AlertPeriods {

    /** A span, {@code [from, to)}. */
    record Period(Instant from, Instant to) {

        boolean overlaps(Instant start, Instant end) {
            return start.isBefore(to) && end.isAfter(from);
        }
    }

    private AlertPeriods() {
    }

    /** The alerts of a replay as spans: from the start of the reading that raised it to its resolution. */
    static List<Period> of(Replay.Result replay, Duration reading, ZoneId zone) {
        List<Period> periods = new ArrayList<>();
        Instant end = replay.rows().isEmpty() ? null
                : replay.rows().get(replay.rows().size() - 1).start().atZone(zone).toInstant().plus(reading);
        for (Replay.Alert a : replay.alerts()) {
            Instant from = a.raisedAt().atZone(zone).toInstant().minus(reading);
            Instant to = a.resolvedAt() == null ? end : a.resolvedAt().atZone(zone).toInstant();
            periods.add(new Period(from, to.isAfter(from) ? to : from.plus(reading)));
        }
        return periods;
    }

    static List<Period> labelled(List<AlertFeedback> feedback, AlertFeedback.Label label) {
        return feedback.stream().filter(f -> f.label() == label).map(f -> new Period(f.from(), f.to())).toList();
    }

    static boolean anyOverlaps(List<Period> periods, Instant start, Instant end) {
        for (Period p : periods) {
            if (p.overlaps(start, end)) {
                return true;
            }
        }
        return false;
    }
}
