package org.wattwatch.agent.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattwatch.agent.TestAgents;
import org.wattwatch.agent.source.ReplayClock;

/** Blinks through Pi4J mock pins into the counting code, on a clock the test moves. */
class PulseCountingTest {

    @TempDir
    Path spool;

    private final ReplayClock clock = new ReplayClock(Instant.parse("2026-01-05T00:00:00Z"));
    private MeterInputs inputs;

    private MeterInputs inputs(int impulsesPerKwh, Duration debounce) {
        inputs = new MeterInputs(TestAgents.properties(spool, TestAgents.meter("main", 17, impulsesPerKwh, debounce)),
                clock);
        return inputs;
    }

    @AfterEach
    void close() {
        inputs.close();
    }

    private Instant level(MockDigitalInput pin, Instant at, boolean high) {
        clock.advanceTo(at);
        pin.mockState(high ? DigitalState.HIGH : DigitalState.LOW);
        return at;
    }

    @Test
    void aHundredThousandJitteryBouncingBlinksGiveExactTotals() {
        for (int impulsesPerKwh : new int[] {1000, 800}) {
            MeterInputs meter = inputs(impulsesPerKwh, Duration.ofMillis(10));
            MockDigitalInput pin = meter.mockPin("main");
            PulseCounter counter = meter.counter("main");
            Random random = new Random(impulsesPerKwh);
            Instant t = clock.instant();
            long injectedBounces = 0;
            long pulsesInReadings = 0;
            for (int i = 0; i < 100_000; i++) {
                t = t.plusMillis(150 + random.nextInt(5000)); // jittery spacing: ~0.7 to 24 kW
                level(pin, t, true);
                if (random.nextInt(3) == 0) { // contact bounce on the rising edge
                    for (int b = 1 + random.nextInt(3); b > 0; b--) {
                        t = level(pin, t.plusNanos(100_000 + random.nextInt(4_000_000)), false);
                        t = level(pin, t.plusNanos(100_000 + random.nextInt(4_000_000)), true);
                        injectedBounces++;
                    }
                }
                t = level(pin, t.plusMillis(30 + random.nextInt(60)), false); // the LED goes dark again
                if (random.nextInt(3) == 0) { // bounce on the falling edge
                    t = level(pin, t.plusNanos(100_000 + random.nextInt(4_000_000)), true);
                    t = level(pin, t.plusNanos(100_000 + random.nextInt(9_000_000)), false);
                    injectedBounces++;
                }
                if (random.nextInt(20) == 0) { // a glitch of stray light between blinks
                    t = level(pin, t.plusMillis(50), true);
                    t = level(pin, t.plusNanos(1_000_000 + random.nextInt(8_000_000)), false);
                    injectedBounces++;
                }
                if (i % 1000 == 0) {
                    pulsesInReadings += sum(counter.cut(t));
                }
            }
            pulsesInReadings += sum(counter.cut(t.plus(Duration.ofMinutes(2))));

            assertThat(pulsesInReadings).isEqualTo(100_000);
            assertThat(counter.totalPulses()).isEqualTo(100_000);
            assertThat(counter.rejects()).isEqualTo(injectedBounces).isPositive();
            assertThat(pulsesInReadings * counter.meter().whPerPulse())
                    .isEqualTo(impulsesPerKwh == 1000 ? 100_000.0 : 125_000.0);
            close();
        }
    }

    @Test
    void debounceRejectsExactlyWhatIsShorterThanTheSetting() {
        MeterInputs meter = inputs(1000, Duration.ofMillis(10));
        MockDigitalInput pin = meter.mockPin("main");
        PulseCounter counter = meter.counter("main");
        Instant t = clock.instant().plusSeconds(1);

        level(pin, t, true);
        level(pin, t.plusNanos(9_999_999), false); // just short of 10 ms
        t = t.plusSeconds(1);
        level(pin, t, true);
        level(pin, t.plusMillis(10), false); // exactly 10 ms
        t = t.plusSeconds(1);
        level(pin, t, true); // still lit, 20 ms later counted without waiting for the end
        counter.settle(t.plusMillis(20));

        assertThat(counter.totalPulses()).isEqualTo(2);
        assertThat(counter.rejects()).isEqualTo(1);
    }

    @Test
    void aBlinkCountsInTheIntervalItBeganAndPowerFollowsTheSpacing() {
        MeterInputs meter = inputs(1000, Duration.ofMillis(10));
        MockDigitalInput pin = meter.mockPin("main");
        PulseCounter counter = meter.counter("main");
        Instant beforeBoundary = Instant.parse("2026-01-05T00:00:59.990Z");

        level(pin, beforeBoundary, true);
        level(pin, beforeBoundary.plusMillis(50), false); // ends after the boundary
        level(pin, beforeBoundary.plusSeconds(2), true);
        level(pin, beforeBoundary.plusSeconds(2).plusMillis(50), false);

        Map<Long, Long> cut = counter.cut(Instant.parse("2026-01-05T00:02:00Z"));
        assertThat(cut.values()).containsExactly(1L, 1L);
        assertThat(counter.watts()).isEqualTo(1800.0); // 1 Wh every 2 s
        assertThat(LivePower.watts(counter, beforeBoundary.plusSeconds(62))).isEqualTo(60.0); // no blink for 60 s
    }

    private static long sum(Map<Long, Long> cut) {
        return cut.values().stream().mapToLong(Long::longValue).sum();
    }
}
