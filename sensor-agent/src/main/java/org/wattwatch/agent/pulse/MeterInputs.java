package org.wattwatch.agent.pulse;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.provider.Provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.config.AgentProperties.Meter;

/**
 * One Pi4J digital input per meter, each feeding its {@link PulseCounter}. For {@code gpio} the
 * chosen Pi4J plugin reads the real pins; for {@code simulated} and {@code replay} the Pi4J mock
 * plugin provides pins that the simulator or the replay toggle, so every source goes through the
 * same counting code.
 */
@Component("gpio")
public class MeterInputs implements HealthIndicator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MeterInputs.class);

    private final Context pi4j;
    private final Map<String, PulseCounter> counters = new LinkedHashMap<>();
    private final Map<String, DigitalInput> inputs = new LinkedHashMap<>();
    private final String providerName;

    public MeterInputs(AgentProperties properties, Clock clock) {
        Provider<?, ?, ?> provider = provider(properties);
        this.providerName = provider.getClass().getSimpleName();
        this.pi4j = Pi4J.newContextBuilder().add(provider).build();
        for (Meter meter : properties.meters()) {
            PulseCounter counter = new PulseCounter(meter, properties.interval(), clock);
            DigitalInput input;
            try {
                input = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                        .id("meter-" + meter.id())
                        .name("meter " + meter.id() + " LED sensor")
                        .address(meter.pin())
                        .pull(PullResistance.valueOf(meter.pull().name()))
                        .debounce(0L)); // debounced by PulseCounter, the same way on every plugin
            } catch (RuntimeException e) {
                pi4j.shutdown();
                throw new IllegalStateException("wattwatch.agent.meters: cannot open BCM " + meter.pin() + " for meter '"
                        + meter.id() + "' with " + providerName + " (wattwatch.agent.source=" + properties.source()
                        + ", wattwatch.agent.gpio.provider=" + properties.gpio().provider() + "): " + e.getMessage(), e);
            }
            input.addListener(event -> counter.level(event.state() == DigitalState.HIGH));
            counters.put(meter.id(), counter);
            inputs.put(meter.id(), input);
            LOG.info("meter '{}' on BCM {} ({} {}, {} imp/kWh, debounce {})", meter.id(), meter.pin(), providerName,
                    meter.edge(), meter.impulsesPerKwh(), meter.debounce());
        }
    }

    private static Provider<?, ?, ?> provider(AgentProperties properties) {
        if (properties.source() != AgentProperties.Source.GPIO) {
            return MockDigitalInputProvider.newInstance();
        }
        return properties.gpio().provider() == AgentProperties.GpioProvider.LINUXFS
                ? LinuxFsDigitalInputProvider.newInstance()
                : GpioDDigitalInputProvider.newInstance();
    }

    public List<PulseCounter> counters() {
        return List.copyOf(counters.values());
    }

    public PulseCounter counter(String meterId) {
        return counters.get(meterId);
    }

    /** The mock pin a simulator or replay toggles; only for those sources. */
    public MockDigitalInput mockPin(String meterId) {
        return (MockDigitalInput) inputs.get(meterId);
    }

    @Override
    public Health health() {
        return Health.up().withDetail("provider", providerName).withDetail("meters", inputs.keySet()).build();
    }

    @Override
    public void close() {
        pi4j.shutdown();
    }
}
