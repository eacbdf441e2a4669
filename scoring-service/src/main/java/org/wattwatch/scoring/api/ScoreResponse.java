package org.wattwatch.scoring.api;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * How unusual an ad-hoc reading is.
 *
 * @param score          0 at the usual low, 1 at the usual high, above 1 beyond what history shows
 * @param anomaly        whether the score is above the service's threshold
 * @param intervalStart  the request's timestamp as an instant, in the home's zone
 */
public record ScoreResponse(
        String meter,
        LocalDateTime timestamp,
        String zone,
        Instant intervalStart,
        int minutes,
        double wh,
        double expectedLowWh,
        double expectedHighWh,
        double score,
        double threshold,
        boolean anomaly,
        String modelVersion) {
}
