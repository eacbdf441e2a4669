package org.wattwatch.scoring.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wattwatch.model.reading.MeterReading;
import org.wattwatch.model.score.ScoredReading;
import org.wattwatch.model.validation.Violation;
import org.wattwatch.scoring.scoring.ReadingScorer;

/** Scores a reading on request, with the same model and rule as the stream. */
@RestController
@RequestMapping("/api")
class ScoreController {

    /** Ad-hoc readings are not a meter's; they still go through the one scoring path. */
    private static final String AD_HOC = "ad-hoc";

    private final ReadingScorer scorer;

    ScoreController(ReadingScorer scorer) {
        this.scorer = scorer;
    }

    @PostMapping("/score")
    ScoreResponse score(@RequestBody ScoreRequest request) {
        List<Violation> violations = request.violations();
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        int minutes = request.minutesOrDefault();
        Instant start = request.timestamp().atZone(scorer.zone()).toInstant();
        MeterReading reading = new MeterReading(MeterReading.SCHEMA_VERSION, AD_HOC, start,
                start.plus(Duration.ofMinutes(minutes)), request.wh(), 0, AD_HOC, 0);
        ScoredReading scored = scorer.score(reading);
        return new ScoreResponse(request.timestamp(), scorer.zone().getId(), start, minutes, request.wh(),
                scored.expectedLowWh(), scored.expectedHighWh(), scored.score(), scorer.threshold(), scored.anomaly(),
                scored.modelVersion());
    }
}
