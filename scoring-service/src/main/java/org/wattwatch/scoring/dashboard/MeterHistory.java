package org.wattwatch.scoring.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.event.score.ScoredReading;

/**
 * The recent points of one meter, oldest first, at most {@code history} behind the newest. Not
 * thread-safe: {@link ScoredHistory} guards it.
 */
final class MeterHistory {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Duration history;
    private final double threshold;
    /** By start; in practice appended to and expired from the front. */
    private final List<UsagePoint> points = new ArrayList<>();

    MeterHistory(Duration history, double threshold) {
        this.history = history;
        this.threshold = threshold;
    }

    /**
     * @return the point the reading went into (a new one, or the minute it was added to), or null when
     *         it overlaps time the line already covers (a replayed reading)
     */
    UsagePoint add(ScoredReading scored) {
        Instant start = scored.reading().intervalStart();
        Instant end = scored.reading().intervalEnd();
        int at = points.size();
        while (at > 0 && points.get(at - 1).start().isAfter(start)) {
            at--; // a late reading goes where it belongs; nearly always it is the last
        }
        UsagePoint before = at > 0 ? points.get(at - 1) : null;
        UsagePoint after = at < points.size() ? points.get(at) : null;
        if (after != null && end.isAfter(after.start()) || before != null && start.isBefore(before.end())) {
            return null;
        }
        UsagePoint point;
        if (before != null && mergeable(before, scored)) {
            point = point(before.start(), end, before.wh() + scored.reading().wh(),
                    before.expectedLowWh() + scored.expectedLowWh(), before.expectedHighWh() + scored.expectedHighWh());
            points.set(at - 1, point);
        } else {
            point = point(start, end, scored.reading().wh(), scored.expectedLowWh(), scored.expectedHighWh());
            points.add(at, point);
        }
        Instant oldest = points.get(points.size() - 1).end().minus(history);
        int expired = 0;
        while (expired < points.size() && !points.get(expired).end().isAfter(oldest)) {
            expired++;
        }
        points.subList(0, expired).clear();
        return point;
    }

    /** A reading shorter than a minute joins the previous one if it continues it in the same minute. */
    private static boolean mergeable(UsagePoint before, ScoredReading scored) {
        Instant start = scored.reading().intervalStart();
        return scored.reading().duration().compareTo(MINUTE) < 0 && before.seconds() < 60
                && start.equals(before.end())
                && start.truncatedTo(ChronoUnit.MINUTES).equals(before.start().truncatedTo(ChronoUnit.MINUTES));
    }

    private UsagePoint point(Instant start, Instant end, double wh, double low, double high) {
        double score = new ExpectedRange(low, high).score(wh);
        return new UsagePoint(start, end, wh, low, high, score, score > threshold);
    }

    List<UsagePoint> between(Instant from, Instant to) {
        List<UsagePoint> found = new ArrayList<>();
        for (UsagePoint p : points) {
            if (p.end().isAfter(from) && p.start().isBefore(to)) {
                found.add(p);
            }
        }
        return found;
    }

    UsagePoint latest() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    Instant oldest() {
        return points.isEmpty() ? null : points.get(0).start();
    }
}
