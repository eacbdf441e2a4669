package org.wattwatch.agent.source;

import java.time.LocalDateTime;
import java.util.Random;

/**
 * A household's mean power through the day: a fridge-and-standby base load, a morning routine,
 * lunch, and an evening peak of cooking and lighting, with minute-to-minute noise. Shaped to stay
 * inside the seed envelope, so anything that alerts is something added, such as a heater.
 */
public final class SimulatedHousehold {

    private static final double BASE_WATTS = 150;
    private static final double NOISE_WATTS = 40;

    private final Random random;
    private final double heaterWatts;

    public SimulatedHousehold(long seed, double heaterWatts) {
        this.random = seed == 0 ? new Random() : new Random(seed);
        this.heaterWatts = heaterWatts;
    }

    /** Mean power in watts for an interval starting at this local time. */
    public double meanWatts(LocalDateTime localStart) {
        return BASE_WATTS + activityWatts(localStart.getHour()) + random.nextDouble() * NOISE_WATTS + heaterWatts;
    }

    private static double activityWatts(int hour) {
        if (hour >= 7 && hour <= 9) {
            return 700;
        }
        if (hour >= 11 && hour <= 13) {
            return 400;
        }
        if (hour >= 17 && hour <= 21) {
            return 1400;
        }
        if (hour == 6 || hour == 10 || hour == 16 || hour == 22) {
            return 250;
        }
        return 0;
    }
}
