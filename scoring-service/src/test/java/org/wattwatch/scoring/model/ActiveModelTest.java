package org.wattwatch.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.scoring.model.ReadingScorer;

class ActiveModelTest {

    private static ActiveModel load(String location) {
        return new ActiveModel(ScoringProperties.of(ZoneId.of("UTC"), 1.0, location), new DefaultResourceLoader());
    }

    @Test
    void scoresWithATrainedModelPackage() {
        ScoringProperties properties = ScoringProperties.of(ZoneId.of("UTC"), 1.0,
                "file:../model-package/src/test/resources/models/seed-like-gbm.zip");
        ReadingScorer scorer = new ReadingScorer(new ActiveModel(properties, new DefaultResourceLoader()), properties);
        Instant start = Instant.parse("2026-01-05T04:00:00Z");

        ScoredReading scored = scorer.score(new MeterReading(1, "main", start, start.plusSeconds(3600), 1500, 1500,
                "a", 1));

        assertThat(scored.modelVersion()).startsWith("gbm-");
        assertThat(scored.score()).isCloseTo(5.4588, within(0.055));
        assertThat(scored.anomaly()).isTrue();
    }

    @Test
    void aMissingOrBadModelStopsStartupNamingTheProperty() {
        assertThatThrownBy(() -> load("file:/nonexistent/model.zip"))
                .hasMessageContaining("wattwatch.scoring.model=file:/nonexistent/model.zip: no such file");
        assertThatThrownBy(() -> load("classpath:scoring-service.yml"))
                .hasMessageContaining("wattwatch.scoring.model=classpath:scoring-service.yml")
                .hasMessageContaining("unknown model kind");
    }
}
