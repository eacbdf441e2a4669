package org.wattwatch.trainer.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.wattwatch.event.history.History;
import org.wattwatch.event.history.HistoryRow;
import org.wattwatch.event.reading.MeterReading;

/**
 * A history as the readings an agent would have sent for it, one per row in time order, so a
 * backtest feeds the detector exactly what the scoring service gets. A gap sends nothing.
 */
public final class Readings {

    public static final String METER = "history";

    private Readings() {
    }

    /**
     * @param from first day included, or null
     * @param to   last day included, or null
     */
    public static List<MeterReading> of(History history, ZoneId zone, LocalDate from, LocalDate to) {
        List<MeterReading> readings = new ArrayList<>(history.rows().size());
        long sequence = 0;
        for (HistoryRow row : history.rows()) {
            LocalDate day = row.start().toLocalDate();
            if (row.isGap() || from != null && day.isBefore(from) || to != null && day.isAfter(to)) {
                continue;
            }
            Instant start = row.start().atZone(zone).toInstant();
            readings.add(new MeterReading(MeterReading.SCHEMA_VERSION, METER, start, start.plus(row.length()),
                    row.wh(), Math.round(row.wh()), "backtest", sequence++));
        }
        return readings;
    }
}
