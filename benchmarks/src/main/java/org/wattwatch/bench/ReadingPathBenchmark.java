package org.wattwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Serializer;
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
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.json.MeterReadingJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.DetectorSettings;
import org.wattwatch.detection.Detection;
import org.wattwatch.detection.MeterState;
import org.wattwatch.scoring.detection.MeterStateSerde;
import org.wattwatch.scoring.topology.ScoredReadingJson;

/**
 * The steps the scoring topology takes per reading besides the score itself, so the pipeline
 * benchmark's cost can be split: parse and validate the reading, judge the meter's window (15
 * per-minute readings held), write the meter's state for the store, write the scored reading around
 * the reading's bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadingPathBenchmark {

    private byte[] readingJson;
    private EnvelopeModel model;
    private AnomalyDetector detector;
    private MeterState steady;
    private ScoredReading next;
    private Serializer<MeterState> stateWriter;

    @Setup
    public void load() throws IOException {
        Path file = BenchModel.file();
        model = Models.read(file);
        detector = new AnomalyDetector(ZoneId.of("Europe/Paris"), DetectorSettings.of(1.0, Duration.ofMinutes(15)));
        Instant start = Instant.parse("2026-01-05T03:00:00Z");
        MeterState state = MeterState.EMPTY;
        for (int i = 0; i < 20; i++) {
            state = detector.next(state, scored(start.plusSeconds(60L * i), 5 + i % 3), model).state();
        }
        steady = state;
        next = scored(start.plusSeconds(60L * 20), 6);
        readingJson = EventJson.write(next.reading());
        stateWriter = MeterStateSerde.serde().serializer();
    }

    private ScoredReading scored(Instant start, double wh) {
        MeterReading reading = new MeterReading(1, "meter-7", start, start.plusSeconds(60), wh, (long) wh, "bench", 1);
        return new ScoredReading(1, reading, 2, 9, (wh - 2) / 7, false, model.version());
    }

    @Benchmark
    public MeterReading parseReading() {
        return MeterReadingJson.readValid(readingJson);
    }

    /** What {@link #parseReading} replaced, for comparison. */
    @Benchmark
    public MeterReading parseReadingDataBinding() {
        return EventJson.readValid(readingJson, MeterReading.class, MeterReading::violations);
    }

    @Benchmark
    public Detection judgeWindow() {
        return detector.next(steady, next, model);
    }

    @Benchmark
    public byte[] writeState() {
        return stateWriter.serialize("meter-states", steady);
    }

    @Benchmark
    public byte[] writeScored() {
        return ScoredReadingJson.write(next, readingJson);
    }
}
