package org.wattwatch.detection;

/**
 * The level a window's usage held: the lowest mean power among its readings once the lowest ones
 * that fit the dip allowance are set aside. A heater lifts it for as long as it runs; a kettle, an
 * oven's element or a compressor starting add peaks it never sees. The detector judges windows by
 * it and the trainer learns its usual range from it, so both speak of the same quantity.
 */
public final class WindowLevel {

    private WindowLevel() {
    }

    /**
     * @param wh     the readings' energies
     * @param millis the readings' lengths, each positive
     * @param n      how many of the arrays' first entries are the window
     * @return the level in watt-hours per millisecond (multiply by a length for energy over it)
     */
    public static double of(double[] wh, long[] millis, int n, long dipAllowanceMillis) {
        double[] power = new double[n];
        long covered = 0;
        for (int i = 0; i < n; i++) {
            power[i] = wh[i] / millis[i];
            covered += millis[i];
        }
        boolean[] setAside = new boolean[n];
        long allowed = dipAllowanceMillis;
        while (true) {
            int lowest = -1;
            for (int i = 0; i < n; i++) {
                if (!setAside[i] && (lowest < 0 || power[i] < power[lowest])) {
                    lowest = i;
                }
            }
            if (millis[lowest] > allowed || millis[lowest] >= covered) {
                return power[lowest];
            }
            setAside[lowest] = true;
            allowed -= millis[lowest];
            covered -= millis[lowest];
        }
    }
}
