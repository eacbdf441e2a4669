package org.wattwatch.agent.pulse;

import java.time.Duration;
import java.time.Instant;

/** Power now, as a live display would show it between readings. */
public final class LivePower {

    private LivePower() {
    }

    /**
     * The power from the last two blinks' spacing, but never more than the time since the last
     * blink allows: when a heater switches off, the blinks stop and the value falls with them.
     */
    public static double watts(PulseCounter counter, Instant now) {
        Instant last = counter.lastPulse();
        if (last == null) {
            return 0;
        }
        double sinceLast = Duration.between(last, now).toNanos() / 1e9;
        double bound = sinceLast <= 0 ? Double.MAX_VALUE : counter.meter().whPerPulse() * 3600 / sinceLast;
        return Math.min(counter.watts(), bound);
    }
}
