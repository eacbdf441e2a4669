package org.wattwatch.scoring.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * One local day of a meter: its points and, for every hour of that day (23 or 25 on a DST change),
 * the band the model expects, in average watts.
 *
 * @param from  the day's first instant, epoch seconds
 * @param to    the next day's first instant, epoch seconds
 * @param above how many points are beyond their band
 */
record DayView(String meter, LocalDate date, String zone, long from, long to, String modelVersion,
        List<PointView> points, List<Band> band, long above, LocalDate firstDayKept) {

    /** What the model expects from {@code start} to {@code end} (epoch seconds), in average watts. */
    record Band(long start, long end, double lowWatts, double highWatts) {
    }
}
