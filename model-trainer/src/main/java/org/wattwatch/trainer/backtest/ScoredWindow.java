package org.wattwatch.trainer.backtest;

import java.time.LocalDateTime;

/** One window of a history, judged: a row of the backtest CSV. */
public record ScoredWindow(LocalDateTime start, double wh, double expectedLowWh, double expectedHighWh, double score,
        boolean alert) {
}
