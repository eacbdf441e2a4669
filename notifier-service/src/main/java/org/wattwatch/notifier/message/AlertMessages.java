package org.wattwatch.notifier.message;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.wattwatch.model.alert.Anomaly;

/** Words a person understands, on the home's wall clock. */
@Component
public class AlertMessages {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    public String text(Anomaly a) {
        String text = String.format(Locale.ROOT, "Unusual power use on meter %s: %s Wh in %s from %s, usually at most %s Wh",
                a.meterId(), wh(a.wh()), span(Duration.between(a.intervalStart(), a.intervalEnd())),
                a.localStart().format(CLOCK), wh(a.expectedHighWh()));
        if (a.expectedHighWh() > 0) {
            text += String.format(Locale.ROOT, " (%.1fx)", a.wh() / a.expectedHighWh());
        }
        return text + ".";
    }

    private static String span(Duration length) {
        long minutes = length.toMinutes();
        if (minutes == 60) {
            return "the hour";
        }
        return minutes % 60 == 0 ? "the " + minutes / 60 + " hours" : "the " + minutes + " minutes";
    }

    private static String wh(double wh) {
        return wh >= 100 ? String.valueOf(Math.round(wh)) : String.format(Locale.ROOT, "%.1f", wh);
    }
}
