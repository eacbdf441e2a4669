package org.wattwatch.trainer.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.wattwatch.envelope.HourlyEnvelope;
import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.trainer.history.Window;

/** The 2018 demo's model, for comparison: per hour of day, the lowest and highest window seen. */
public final class MinMaxEnvelope {

    private MinMaxEnvelope() {
    }

    public static HourlyEnvelope learn(List<Window> windows, String version) {
        double[] low = new double[24];
        double[] high = new double[24];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (Window w : windows) {
            int h = w.start().getHour();
            low[h] = Math.min(low[h], w.wh());
            high[h] = Math.max(high[h], w.wh());
        }
        List<ExpectedRange> byHour = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            if (Double.isInfinite(low[h])) {
                throw new IllegalArgumentException("no window at hour " + h + " in the history");
            }
            byHour.add(new ExpectedRange(low[h], high[h]));
        }
        return new HourlyEnvelope(byHour, version);
    }
}
