package org.wattwatch.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

/** Reads either model kind by its file name: an hourly envelope CSV, or a model package zip. */
public final class Models {

    private Models() {
    }

    public static EnvelopeModel read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /**
     * @throws ModelFormatException when the file is not a model, or is one that fails when asked for a
     *                              range (see {@link #tried})
     */
    public static EnvelopeModel read(InputStream in, String name) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".csv")) {
                return tried(EnvelopeCsv.read(in, name), name);
            }
            if (lower.endsWith(".zip")) {
                return tried(ModelPackage.read(in, name), name);
            }
        } catch (ModelFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFormatException(name + ": not a usable model: " + e.getMessage());
        }
        throw new ModelFormatException(name + ": unknown model kind; expected an hourly envelope .csv "
                + "(hour,low_wh,high_wh) or a model package .zip from the trainer");
    }

    /**
     * Asks the model for every range the scorer can ask it for (each hour of each weekday of each month,
     * for a minute, an hour and each of its windows), so a model that would throw at scoring time is
     * refused when it is loaded and never applied.
     */
    static EnvelopeModel tried(EnvelopeModel model, String name) {
        LocalDateTime firstMonday = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int month = 0; month < 12; month++) {
            for (int hourOfWeek = 0; hourOfWeek < 7 * 24; hourOfWeek++) {
                LocalDateTime start = firstMonday.plusMonths(month).plusHours(hourOfWeek);
                try {
                    model.expected(start, Duration.ofMinutes(1));
                    model.expected(start, Duration.ofHours(1));
                    for (LevelScale scale : model.scales()) {
                        model.expected(start, scale.window());
                        scale.expected(start);
                    }
                } catch (RuntimeException e) {
                    throw new ModelFormatException(name + ": fails when asked for " + start.getDayOfWeek() + " "
                            + start.toLocalDate() + " " + start.toLocalTime() + ": " + e.getMessage());
                }
            }
        }
        return model;
    }
}
