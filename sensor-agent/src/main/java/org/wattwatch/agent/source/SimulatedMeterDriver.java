package org.wattwatch.agent.source;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.pulse.MeterInputs;
import org.wattwatch.agent.pulse.PulseCounter;

/**
 * A simulated household blinking each meter's LED in real time: the blink rate follows the
 * household's power ({@link SimulatedHousehold}) with a little jitter, and every blink toggles the
 * meter's Pi4J mock pin, so it is counted by exactly the code that counts a real meter.
 */
@Component
@ConditionalOnProperty(name = "wattwatch.agent.source", havingValue = "simulated", matchIfMissing = true)
class SimulatedMeterDriver implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMeterDriver.class);
    /** How long the LED stays lit per blink; meters use tens of milliseconds. */
    private static final Duration BLINK = Duration.ofMillis(30);

    private final AgentProperties properties;
    private final MeterInputs inputs;
    private final Clock clock;
    private final List<SimulatedHousehold> households = new ArrayList<>();
    private final Random jitter;
    private ScheduledExecutorService blinker;
    private volatile boolean running;

    SimulatedMeterDriver(AgentProperties properties, MeterInputs inputs, Clock clock) {
        this.properties = properties;
        this.inputs = inputs;
        this.clock = clock;
        long seed = properties.simulator().seed();
        for (int i = 0; i < properties.meters().size(); i++) {
            households.add(new SimulatedHousehold(seed == 0 ? 0 : seed + i, properties.simulator().heaterWatts()));
        }
        this.jitter = seed == 0 ? new Random() : new Random(seed);
    }

    @Override
    public void start() {
        blinker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "simulated-meter"));
        running = true;
        for (int i = 0; i < households.size(); i++) {
            scheduleNext(inputs.counters().get(i), households.get(i));
        }
        LOG.info("simulated household blinking {} meter(s){}", households.size(),
                properties.simulator().heaterWatts() > 0
                        ? " with a " + properties.simulator().heaterWatts() + " W heater left on" : "");
    }

    private void scheduleNext(PulseCounter counter, SimulatedHousehold household) {
        if (!running) {
            return;
        }
        double watts = household.meanWatts(LocalDateTime.ofInstant(clock.instant(), properties.zone()));
        double seconds = counter.meter().whPerPulse() * 3600 / watts * (0.95 + 0.1 * jitter.nextDouble());
        MockDigitalInput pin = inputs.mockPin(counter.meter().id());
        boolean risingIsBlink = counter.meter().edge() == AgentProperties.Edge.RISING;
        blinker.schedule(() -> {
            pin.mockState(risingIsBlink ? DigitalState.HIGH : DigitalState.LOW);
            blinker.schedule(() -> {
                pin.mockState(risingIsBlink ? DigitalState.LOW : DigitalState.HIGH);
                scheduleNext(counter, household);
            }, BLINK.toMillis(), TimeUnit.MILLISECONDS);
        }, (long) (seconds * 1000), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        blinker.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
