package org.wattwatch.detection;

import java.time.Duration;

/**
 * How the detector judges a meter: the same settings in the scoring service and in a backtest, so
 * both raise the same alerts.
 *
 * @param threshold    a window whose score is above this raises an alert
 * @param window       readings shorter than this are judged over the trailing window
 * @param dipAllowance how long usage may dip below its level inside a window without lowering it: a
 *                     heater's thermostat pausing for a minute does not end its alert
 */
public record DetectorSettings(double threshold, Duration window, Duration dipAllowance) {

    /**
     * An open alert of short readings resolves when its window's score falls to this share of the
     * threshold: a load that eases off part-way stays one alert, while a heater switched off drops
     * the level to the base load, far below. (A reading as long as the window is a verdict on its
     * own and resolves once inside the range.)
     */
    public static final double RESOLVE_SHARE = 0.8;

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    public static final Duration DEFAULT_DIP_ALLOWANCE = Duration.ofMinutes(1);

    public DetectorSettings {
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a positive number, was " + threshold);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (dipAllowance == null || dipAllowance.isNegative() || dipAllowance.multipliedBy(2).compareTo(window) >= 0) {
            throw new IllegalArgumentException("dip allowance must be shorter than half the window, was "
                    + dipAllowance + " for a window of " + window);
        }
    }

    public static DetectorSettings of(double threshold, Duration window) {
        return new DetectorSettings(threshold, window, DEFAULT_DIP_ALLOWANCE);
    }

    public double resolveScore() {
        return threshold * RESOLVE_SHARE;
    }
}
