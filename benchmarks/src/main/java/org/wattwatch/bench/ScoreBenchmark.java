package org.wattwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.io.DefaultResourceLoader;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.scoring.model.ActiveModel;
import org.wattwatch.scoring.model.ReadingScorer;

/** One score call with a trained model package: the envelope lookup alone, and a whole reading. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoreBenchmark {

    private EnvelopeModel model;
    private ReadingScorer scorer;
    private MeterReading reading;
    private LocalDateTime localStart;

    @Setup
    public void load() throws IOException {
        Path file = BenchModel.file();
        model = Models.read(file);
        ScoringProperties properties = ScoringProperties.of(ZoneId.of("Europe/Paris"), 1.0,
                "file:" + file.toAbsolutePath());
        scorer = new ReadingScorer(new ActiveModel(properties, new DefaultResourceLoader()), properties);
        Instant start = Instant.parse("2026-01-05T03:00:00Z");
        reading = new MeterReading(1, "main", start, start.plusSeconds(60), 25, 25, "bench", 1);
        localStart = LocalDateTime.parse("2026-01-05T04:00");
    }

    @Benchmark
    public double envelopeScore() {
        return model.expected(localStart, Duration.ofMinutes(60)).score(1500);
    }

    @Benchmark
    public ScoredReading scoreReading() {
        return scorer.score(reading);
    }
}
