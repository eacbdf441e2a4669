package org.wattwatch.detection;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.wattwatch.event.reading.MeterReading;

/** Per-minute readings for the detector's tests, written as runs of mean power. */
final class Minutes {

    private Minutes() {
    }

    /** One reading per minute from a local time, one mean power each. */
    static List<MeterReading> readings(ZoneId zone, String from, double... watts) {
        Instant start = LocalDateTime.parse(from).atZone(zone).toInstant();
        List<MeterReading> readings = new ArrayList<>();
        for (int i = 0; i < watts.length; i++) {
            Instant s = start.plusSeconds(60L * i);
            readings.add(new MeterReading(1, "main", s, s.plusSeconds(60), watts[i] / 60, 0, "test", i));
        }
        return readings;
    }

    /** Pairs of (minutes, watts), one after the other. */
    static double[] runs(double... minutesAndWatts) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < minutesAndWatts.length; i += 2) {
            for (int m = 0; m < minutesAndWatts[i]; m++) {
                out.add(minutesAndWatts[i + 1]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

}
