package org.wattwatch.agent.pulse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Per meter: blinks counted, bounces rejected, seconds since the last blink, live power. */
@Component
class PulseMetrics {

    PulseMetrics(MeterInputs inputs, MeterRegistry registry, Clock clock) {
        for (PulseCounter counter : inputs.counters()) {
            String meter = counter.meter().id();
            FunctionCounter.builder("wattwatch.agent.pulses", counter, PulseCounter::totalPulses)
                    .tag("meter", meter).description("LED blinks counted").register(registry);
            FunctionCounter.builder("wattwatch.agent.debounce.rejects", counter, PulseCounter::rejects)
                    .tag("meter", meter).description("level changes shorter than the debounce time").register(registry);
            Gauge.builder("wattwatch.agent.last.pulse.age", counter, c -> age(c.lastPulse(), clock))
                    .tag("meter", meter).baseUnit("seconds").description("time since the last blink")
                    .register(registry);
            Gauge.builder("wattwatch.agent.power", counter, c -> LivePower.watts(c, clock.instant()))
                    .tag("meter", meter).baseUnit("watts").description("power from the last blink spacing")
                    .register(registry);
        }
    }

    private static double age(Instant lastPulse, Clock clock) {
        return lastPulse == null ? Double.NaN : Duration.between(lastPulse, clock.instant()).toMillis() / 1000.0;
    }
}
