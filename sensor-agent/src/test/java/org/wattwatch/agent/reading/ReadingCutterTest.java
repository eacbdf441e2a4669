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
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.reading.MeterReading;

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
                MeterInputs inputs = new MeterInputs(properties, clock)) {
            ReadingCutter cutter = new ReadingCutter(properties, inputs, spool, new SequenceNumbers(properties, spool),
                    clock, registry);
            cutter.start();
            MockDigitalInput pin = inputs.mockPin("main");
            for (int i = 0; i < blinksPerRun; i++) {
                blink(pin, clock.instant().plusSeconds(7)); // ~514 W
                cutter.cutEndedIntervals();
            }
            cutter.stop();
            List<MeterReading> readings = new ArrayList<>();
            for (var entry = spool.peek(0); entry.isPresent(); entry = spool.peek(0)) {
                readings.add(EventJson.read(entry.get(), MeterReading.class));
                spool.removeOldest();
            }
            return readings;
        }
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

    @Test
    void intervalsWithoutABlinkStillGiveAReading() throws Exception {
        AgentProperties properties = TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ofMillis(10)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingSpool spool = new ReadingSpool(properties, registry);
                MeterInputs inputs = new MeterInputs(properties, clock)) {
            ReadingCutter cutter = new ReadingCutter(properties, inputs, spool, new SequenceNumbers(properties, spool),
                    clock, registry);
            cutter.start();
            clock.advanceTo(clock.instant().plus(Duration.ofMinutes(5)));
            cutter.cutEndedIntervals();
            assertThat(spool.size()).isEqualTo(5);
        }
    }
}
