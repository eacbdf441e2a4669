package org.wattwatch.agent.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattwatch.agent.TestAgents;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.pulse.MeterInputs;
import org.wattwatch.agent.source.ReplayClock;
import org.wattwatch.agent.spool.ReadingSpool;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;

class ReadingCutterTest {

    @TempDir
    Path dir;

    private final ReplayClock clock = new ReplayClock(Instant.parse("2026-01-05T10:00:20Z"));

    private void blink(MockDigitalInput pin, Instant at) {
        clock.advanceTo(at);
        pin.mockState(DigitalState.HIGH);
        clock.advanceTo(at.plusMillis(40));
        pin.mockState(DigitalState.LOW);
    }

    private List<MeterReading> run(AgentProperties properties, int blinksPerRun) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingSpool spool = new ReadingSpool(properties, registry);
                MeterInputs inputs = new MeterInputs(properties, clock);
                SequenceNumbers sequences = new SequenceNumbers(properties, spool)) {
            ReadingCutter cutter = new ReadingCutter(properties, inputs, spool, sequences, clock, registry);
            cutter.start();
            MockDigitalInput pin = inputs.mockPin("main");
            for (int i = 0; i < blinksPerRun; i++) {
                blink(pin, clock.instant().plusSeconds(7)); // ~514 W
                cutter.cutEndedIntervals();
            }
            cutter.stop();
            return drain(spool);
        }
    }

    /** What the spool holds, oldest first, emptying it. */
    private static List<MeterReading> drain(ReadingSpool spool) throws InterruptedException {
        List<MeterReading> readings = new ArrayList<>();
        for (var entry = spool.peek(0); entry.isPresent(); entry = spool.peek(0)) {
            readings.add(EventJson.read(entry.get(), MeterReading.class));
            spool.removeOldest();
        }
        return readings;
    }

    @Test
    void readingsTileTimeWithGaplessSequencesAcrossARestart() throws Exception {
        AgentProperties properties = TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ofMillis(10)));
        List<MeterReading> first = run(properties, 40);
        clock.advanceTo(clock.instant().plusSeconds(95)); // the agent is down for a while
        List<MeterReading> second = run(properties, 20);

        assertThat(first.get(0).intervalStart()).isEqualTo(Instant.parse("2026-01-05T10:00:20Z")); // partial first
        assertThat(first.get(0).intervalEnd()).isEqualTo(Instant.parse("2026-01-05T10:01:00Z"));
        for (List<MeterReading> run : List.of(first, second)) {
            for (int i = 1; i < run.size(); i++) {
                assertThat(run.get(i).intervalStart()).isEqualTo(run.get(i - 1).intervalEnd());
            }
            assertThat(run.stream().mapToDouble(MeterReading::wh).sum()).isEqualTo(run == first ? 40.0 : 20.0);
            assertThat(run).allSatisfy(r -> assertThat(r.violations()).isEmpty());
        }
        List<MeterReading> all = new ArrayList<>(first);
        all.addAll(second);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).sequence()).isEqualTo(i);
        }
        assertThat(first.get(first.size() - 1).intervalEnd()).isBefore(second.get(0).intervalStart());
        assertThat(all).allSatisfy(r -> assertThat(r.wh()).isEqualTo(r.pulses()));
    }

    /** The readings an agent cuts over {@code minutes} without a blink, as its spool holds them, nothing sent. */
    private List<MeterReading> quietMinutes(AgentProperties properties, int minutes) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingSpool spool = new ReadingSpool(properties, registry);
                MeterInputs inputs = new MeterInputs(properties, clock)) {
            ReadingCutter cutter = new ReadingCutter(properties, inputs, spool, new SequenceNumbers(properties, spool),
                    clock, registry);
            cutter.start();
            clock.advanceTo(clock.instant().plus(Duration.ofMinutes(minutes)));
            cutter.cutEndedIntervals();
            return drain(spool);
        }
    }

    @Test
    void intervalsWithoutABlinkStillGiveAReading() throws Exception {
        AgentProperties properties = TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ofMillis(10)));
        assertThat(quietMinutes(properties, 5)).hasSize(5);
    }

    /** Each reading says how full the spool was when it was cut, so its receiver learns of a backlog. */
    @Test
    void eachReadingCarriesHowMuchOfTheSpoolWasWaiting() throws Exception {
        AgentProperties properties = TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ofMillis(10)));
        int max = properties.spool().maxReadings();
        assertThat(quietMinutes(properties, 3)).extracting(MeterReading::spoolUse)
                .containsExactly(0.0, 1.0 / max, 2.0 / max);
    }

    /**
     * The Pi's clock jumps by {@code step} while monotonic time goes on: blinks before and after it,
     * readings cut every few seconds as the agent does.
     */
    private List<MeterReading> aroundAClockStep(Duration step, SimpleMeterRegistry registry) throws Exception {
        AgentProperties properties = TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ofMillis(10)));
        java.util.concurrent.atomic.AtomicLong monotonic = new java.util.concurrent.atomic.AtomicLong();
        WallClock wall = new WallClock(Instant.parse("2026-01-05T10:00:20Z"));
        try (ReadingSpool spool = new ReadingSpool(properties, registry);
                MeterInputs inputs = new MeterInputs(properties, wall)) {
            ReadingCutter cutter = new ReadingCutter(properties, inputs, spool, new SequenceNumbers(properties, spool),
                    wall, registry, monotonic::get);
            cutter.start();
            MockDigitalInput pin = inputs.mockPin("main");
            for (int i = 0; i < 40; i++) {
                if (i == 20) {
                    wall.now = wall.now.plus(step); // the wall clock alone
                }
                Instant at = wall.now.plusSeconds(7);
                monotonic.addAndGet(Duration.ofSeconds(7).plusMillis(40).toNanos());
                wall.now = at;
                pin.mockState(DigitalState.HIGH);
                wall.now = at.plusMillis(40);
                pin.mockState(DigitalState.LOW);
                cutter.cutEndedIntervals();
            }
            cutter.stop();
            return drain(spool);
        }
    }

    @Test
    void aClockJumpingADayAheadLeavesAGapNotADayOfEmptyReadings() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<MeterReading> readings = aroundAClockStep(Duration.ofDays(1), registry);

        assertThat(readings).as("about 40 blinks 7 s apart: a handful of minutes, not 1440 of them").hasSizeLessThan(12);
        assertThat(readings.stream().mapToLong(MeterReading::pulses).sum()).as("every blink counted").isEqualTo(40);
        assertThat(readings).allSatisfy(r -> assertThat(r.duration()).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        long gaps = 0;
        for (int i = 1; i < readings.size(); i++) {
            assertThat(readings.get(i).intervalStart()).isAfterOrEqualTo(readings.get(i - 1).intervalEnd());
            gaps += readings.get(i).intervalStart().isAfter(readings.get(i - 1).intervalEnd()) ? 1 : 0;
        }
        assertThat(gaps).as("one marked gap").isEqualTo(1);
        assertThat(registry.get("wattwatch.agent.clock.steps").counter().count()).isEqualTo(1);
    }

    @Test
    void aClockJumpingADayBackLumpsNothingIntoOneReading() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<MeterReading> readings = aroundAClockStep(Duration.ofDays(-1), registry);

        assertThat(readings.stream().mapToLong(MeterReading::pulses).sum()).isEqualTo(40);
        assertThat(readings).as("each reading a minute at most, none holding the blinks of the day")
                .allSatisfy(r -> assertThat(r.duration()).isLessThanOrEqualTo(Duration.ofMinutes(1)))
                .allSatisfy(r -> assertThat(r.pulses()).isLessThanOrEqualTo(9));
        assertThat(registry.get("wattwatch.agent.clock.steps").counter().count()).isEqualTo(1);
    }

    @Test
    void readingsCutWhileTheSpoolCannotBeWrittenWaitAndAreWrittenInOrderOnceItCan() throws Exception {
        AgentProperties properties = TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ofMillis(10)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        java.util.concurrent.atomic.AtomicBoolean diskFull = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (ReadingSpool spool = new ReadingSpool(properties, registry) {
                    @Override
                    public synchronized void append(MeterReading reading) {
                        if (diskFull.get()) {
                            throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
                        }
                        super.append(reading);
                    }
                };
                MeterInputs inputs = new MeterInputs(properties, clock)) {
            ReadingCutter cutter = new ReadingCutter(properties, inputs, spool, new SequenceNumbers(properties, spool),
                    clock, registry);
            cutter.start();
            MockDigitalInput pin = inputs.mockPin("main");
            for (int i = 0; i < 30; i++) { // three and a half minutes of blinks with the card full
                blink(pin, clock.instant().plusSeconds(7));
                cutter.cutEndedIntervals();
            }
            assertThat(spool.size()).isZero();
            assertThat(registry.get("wattwatch.agent.spool.write.failures").counter().count()).isPositive();

            diskFull.set(false);
            for (int i = 0; i < 10; i++) {
                blink(pin, clock.instant().plusSeconds(7));
                cutter.cutEndedIntervals();
            }
            cutter.stop();
            List<MeterReading> readings = drain(spool);
            assertThat(readings.stream().mapToLong(MeterReading::pulses).sum()).as("every blink").isEqualTo(40);
            for (int i = 0; i < readings.size(); i++) {
                assertThat(readings.get(i).sequence()).as("in order, none missing").isEqualTo(i);
            }
        }
    }

    /** A wall clock that a test sets, back as well as forward, as NTP does to a Pi's. */
    private static final class WallClock extends java.time.Clock {

        private Instant now;

        WallClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
