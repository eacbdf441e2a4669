package org.wattwatch.agent.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wattwatch.agent.pulse.LivePower;
import org.wattwatch.agent.pulse.MeterInputs;

/** The live view of each meter: power now, blinks so far. */
@RestController
class MetersController {

    record MeterView(String id, int pin, int impulsesPerKwh, double watts, Instant lastPulse, long pulses,
            long debounceRejects) {
    }

    private final MeterInputs inputs;
    private final Clock clock;

    MetersController(MeterInputs inputs, Clock clock) {
        this.inputs = inputs;
        this.clock = clock;
    }

    @GetMapping("/api/meters")
    List<MeterView> meters() {
        Instant now = clock.instant();
        return inputs.counters().stream().map(c -> new MeterView(c.meter().id(), c.meter().pin(),
                c.meter().impulsesPerKwh(), Math.round(LivePower.watts(c, now) * 10) / 10.0, c.lastPulse(),
                c.totalPulses(), c.rejects())).toList();
    }
}
