package org.wattwatch.agent.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.pulse.MeterInputs;
import org.wattwatch.event.history.HistoryRow;

/**
 * Plays a recorded history into a meter's Pi4J mock pin, {@code speed} times faster than it
 * happened: each interval's energy becomes that many blinks spread evenly over the interval (a
 * fraction of a blink carries to the next), and the agent's clock follows the history, so readings
 * carry the history's times. Gaps in the history give no blinks.
 */
@Component
@ConditionalOnProperty(name = "wattwatch.agent.source", havingValue = "replay")
class ReplayDriver implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayDriver.class);
    private static final Duration BLINK = Duration.ofMillis(30);

    private final AgentProperties properties;
    private final List<HistoryRow> history;
    private final ReplayClock clock;
    private final MockDigitalInput pin;
    private final AgentProperties.Meter meter;
    private volatile boolean running;
    private Thread player;

    ReplayDriver(AgentProperties properties, List<HistoryRow> replayHistory, Clock clock, MeterInputs inputs) {
        this.properties = properties;
        this.history = replayHistory;
        this.clock = (ReplayClock) clock;
        String meterId = properties.replay().meter() != null ? properties.replay().meter()
                : properties.meters().get(0).id();
        this.meter = properties.meters().stream().filter(m -> m.id().equals(meterId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wattwatch.agent.replay.meter: no meter '" + meterId + "'"));
        this.pin = inputs.mockPin(meterId);
    }

    @Override
    public void start() {
        running = true;
        player = new Thread(this::play, "replay");
        player.setDaemon(true);
        player.start();
    }

    private void play() {
        Instant historyStart = clock.instant();
        long realStart = System.nanoTime();
        double speed = properties.replay().speed();
        double carry = 0;
        long blinks = 0;
        LOG.info("replaying {} intervals from {} into meter '{}' at {}x", history.size(), history.get(0).start(),
                meter.id(), speed);
        for (HistoryRow row : history) {
            Instant start = row.start().atZone(properties.zone()).toInstant();
            if (row.isGap()) {
                continue;
            }
            double exact = row.wh() / meter.whPerPulse() + carry;
            long n = (long) Math.floor(exact);
            carry = exact - n;
            for (long k = 0; k < n && running; k++) {
                Instant at = start.plusNanos((long) ((k + 0.5) * row.length().toNanos() / n));
                waitUntil(realStart + (long) (Duration.between(historyStart, at).toNanos() / speed));
                blink(at);
                blinks++;
            }
            if (!running) {
                return;
            }
        }
        HistoryRow last = history.get(history.size() - 1);
        Instant end = last.start().plus(last.length()).atZone(properties.zone()).toInstant();
        clock.advanceTo(end.plus(properties.interval()));
        LOG.info("replay finished: {} blinks up to {}", blinks, last.start().plus(last.length()));
    }

    private void blink(Instant at) {
        boolean risingIsBlink = meter.edge() == AgentProperties.Edge.RISING;
        clock.advanceTo(at);
        pin.mockState(risingIsBlink ? DigitalState.HIGH : DigitalState.LOW);
        clock.advanceTo(at.plus(BLINK));
        pin.mockState(risingIsBlink ? DigitalState.LOW : DigitalState.HIGH);
    }

    /** Keeps the replay at its speed; when the replay is behind, it plays on without pausing. */
    private static void waitUntil(long nanoTime) {
        long ahead = nanoTime - System.nanoTime();
        if (ahead > 1_000_000) {
            LockSupport.parkNanos(ahead);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (player != null) {
            player.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
