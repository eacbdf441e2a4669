package org.wattwatch.agent.reading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.pulse.MeterInputs;
import org.wattwatch.agent.pulse.PulseCounter;
import org.wattwatch.agent.source.ReplayClock;
import org.wattwatch.agent.spool.ReadingSpool;
import org.wattwatch.event.reading.MeterReading;

/**
 * At each interval boundary, turns every meter's pulse count into a reading and puts it in the
 * spool. Intervals with no blink still give a reading (0 Wh): silence is data. The first interval
 * after a start and the last one before a stop are partial, with their true start and end, so no
 * counted blink is ever left out.
 */
@Component
class ReadingCutter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingCutter.class);
    /** Beyond scheduling jitter and NTP's slewing, a jump of the wall clock against monotonic time. */
    static final Duration STEP = Duration.ofSeconds(5);

    /** Stops before the spool sender (lower phase), so the last partial reading is still sent. */
    static final int PHASE = Integer.MAX_VALUE - 1000;

    private final AgentProperties properties;
    private final MeterInputs inputs;
    private final ReadingSpool spool;
    private final SequenceNumbers sequences;
    private final Clock clock;
    private final MeterRegistry registry;
    private final LongSupplier monotonicNanos;
    private final Deque<MeterReading> unspooled = new ArrayDeque<>();
    private boolean spoolFailing;
    private Instant startedAt;
    private Instant lastWall;
    private long lastMonotonic;
    private volatile boolean running;

    @Autowired
    ReadingCutter(AgentProperties properties, MeterInputs inputs, ReadingSpool spool, SequenceNumbers sequences,
            Clock clock, MeterRegistry registry) {
        // a replay's clock follows its history, faster than time: it has no steps to find
        this(properties, inputs, spool, sequences, clock, registry,
                clock instanceof ReplayClock ? null : System::nanoTime);
    }

    /** @param monotonicNanos time that never steps, to tell a clock step from time passing; null: no checks */
    ReadingCutter(AgentProperties properties, MeterInputs inputs, ReadingSpool spool, SequenceNumbers sequences,
            Clock clock, MeterRegistry registry, LongSupplier monotonicNanos) {
        this.properties = properties;
        this.inputs = inputs;
        this.spool = spool;
        this.sequences = sequences;
        this.clock = clock;
        this.registry = registry;
        this.monotonicNanos = monotonicNanos;
    }

    @Override
    public synchronized void start() {
        startedAt = clock.instant();
        running = true;
    }

    @Scheduled(fixedDelay = 200)
    synchronized void cutEndedIntervals() {
        if (!running) {
            return;
        }
        Instant now = clock.instant();
        if (monotonicNanos != null) {
            long monotonic = monotonicNanos.getAsLong();
            if (lastWall != null) {
                Instant expected = lastWall.plusNanos(monotonic - lastMonotonic);
                if (Duration.between(expected, now).abs().compareTo(STEP) > 0) {
                    stepped(expected, now);
                }
            }
            lastWall = now;
            lastMonotonic = monotonic;
        }
        flush();
        cutUpTo(now);
    }

    private void cutUpTo(Instant now) {
        for (PulseCounter counter : inputs.counters()) {
            for (Map.Entry<Long, Long> interval : counter.cut(now).entrySet()) {
                Instant start = counter.startOf(interval.getKey());
                spool(counter, start, start.plus(properties.interval()), interval.getValue());
            }
        }
    }

    /**
     * The wall clock jumped (a Pi booting on fake-hwclock, then NTP): the readings up to where the old
     * clock was are cut as they were, the interval in progress ends there, and counting resumes at the
     * new time. The time between is a gap the scoring service sees as one, not days of fabricated
     * empty readings (forward) or minutes lumped into one (backward).
     */
    private void stepped(Instant expected, Instant now) {
        cutUpTo(expected);
        cutOpenAt(expected);
        inputs.counters().forEach(counter -> counter.resumeAt(now));
        startedAt = now;
        registry.counter("wattwatch.agent.clock.steps").increment();
        LOG.warn("the clock stepped by {} (from {} to {}): readings resume from the new time; the time between "
                + "is a gap", Duration.between(expected, now), expected, now);
    }

    /** Ends every meter's interval in progress at {@code end}: a partial reading, so no blink is left out. */
    private void cutOpenAt(Instant end) {
        for (PulseCounter counter : inputs.counters()) {
            long pulses = counter.cutOpen(end);
            Instant start = counter.startOf(counter.indexOf(end));
            if (end.isAfter(start)) {
                spool(counter, start, end, pulses);
            }
        }
    }

    @Override
    public synchronized void stop() {
        cutEndedIntervals();
        cutOpenAt(clock.instant());
        running = false;
    }

    private void spool(PulseCounter counter, Instant start, Instant end, long pulses) {
        Instant from = start.isBefore(startedAt) ? startedAt : start;
        if (!end.isAfter(from)) {
            return;
        }
        String meter = counter.meter().id();
        unspooled.add(new MeterReading(MeterReading.SCHEMA_VERSION, meter, from, end,
                pulses * counter.meter().whPerPulse(), pulses, properties.agentId(), sequences.take(meter),
                spoolUse()));
        registry.counter("wattwatch.agent.readings.produced", "meter", meter).increment();
        if (unspooled.size() > properties.spool().maxReadings()) {
            unspooled.removeFirst(); // the spool's own rule when full: the newest usage matters most
            registry.counter("wattwatch.agent.spool.dropped").increment();
        }
        flush();
    }

    /**
     * How much of the spool readings waiting to be sent take, carried by each reading: the agent cannot
     * tell anyone itself while Kafka is out of reach, but the scoring service learns from the readings,
     * once they arrive, how close the agent came to dropping some.
     */
    private double spoolUse() {
        return Math.min(1, (spool.size() + unspooled.size()) / (double) properties.spool().maxReadings());
    }

    /**
     * The cut readings into the spool, oldest first. A write that fails (a full or failing SD card)
     * keeps them here, in order, to be written at the next cut: the blinks a reading holds have left
     * the counter, so the reading itself must not be dropped.
     */
    private void flush() {
        while (!unspooled.isEmpty()) {
            try {
                spool.append(unspooled.peekFirst());
            } catch (RuntimeException e) {
                registry.counter("wattwatch.agent.spool.write.failures").increment();
                if (!spoolFailing) {
                    LOG.error("cannot write the spool ({}); {} readings kept in memory until it can be written",
                            e.toString(), unspooled.size());
                }
                spoolFailing = true;
                return;
            }
            unspooled.removeFirst();
            if (spoolFailing) {
                LOG.info("the spool takes readings again");
                spoolFailing = false;
            }
        }
    }


    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
