package org.wattwatch.agent.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.pulse.MeterInputs;
import org.wattwatch.agent.pulse.PulseCounter;
import org.wattwatch.agent.spool.ReadingSpool;
import org.wattwatch.model.reading.MeterReading;

/**
 * At each interval boundary, turns every meter's pulse count into a reading and puts it in the
 * spool. Intervals with no blink still give a reading (0 Wh): silence is data. The first interval
 * after a start and the last one before a stop are partial, with their true start and end, so no
 * counted blink is ever left out.
 */
@Component
class ReadingCutter implements SmartLifecycle {

    /** Stops before the spool sender (lower phase), so the last partial reading is still sent. */
    static final int PHASE = Integer.MAX_VALUE - 1000;

    private final AgentProperties properties;
    private final MeterInputs inputs;
    private final ReadingSpool spool;
    private final SequenceNumbers sequences;
    private final Clock clock;
    private final MeterRegistry registry;
    private Instant startedAt;
    private volatile boolean running;

    ReadingCutter(AgentProperties properties, MeterInputs inputs, ReadingSpool spool, SequenceNumbers sequences,
            Clock clock, MeterRegistry registry) {
        this.properties = properties;
        this.inputs = inputs;
        this.spool = spool;
        this.sequences = sequences;
        this.clock = clock;
        this.registry = registry;
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
        for (PulseCounter counter : inputs.counters()) {
            for (Map.Entry<Long, Long> interval : counter.cut(now).entrySet()) {
                Instant start = counter.startOf(interval.getKey());
                spool(counter, start, start.plus(properties.interval()), interval.getValue());
            }
        }
    }

    @Override
    public synchronized void stop() {
        cutEndedIntervals();
        Instant now = clock.instant();
        for (PulseCounter counter : inputs.counters()) {
            long pulses = counter.cutOpen(now);
            Instant start = counter.startOf(counter.indexOf(now));
            if (now.isAfter(start)) {
                spool(counter, start, now, pulses);
            }
        }
        running = false;
    }

    private void spool(PulseCounter counter, Instant start, Instant end, long pulses) {
        Instant from = start.isBefore(startedAt) ? startedAt : start;
        if (!end.isAfter(from)) {
            return;
        }
        String meter = counter.meter().id();
        spool.append(new MeterReading(MeterReading.SCHEMA_VERSION, meter, from, end,
                pulses * counter.meter().whPerPulse(), pulses, properties.agentId(), sequences.take(meter)));
        registry.counter("wattwatch.agent.readings.produced", "meter", meter).increment();
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
