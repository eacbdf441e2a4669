package org.wattwatch.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.wattwatch.event.score.ExpectedRange;

/**
 * Reads an hourly envelope CSV ({@code hour,low_wh,high_wh}, one row per hour 0..23), the format of
 * the seed's {@code seed-envelope.csv}. Every problem is reported with its line number, because a
 * half-read envelope would silently mis-score a whole hour of every day.
 */
public final class EnvelopeCsv {

    private static final String HEADER = "hour,low_wh,high_wh";

    private EnvelopeCsv() {
    }

    /** @param name the file's name, which with a content hash becomes the model version */
    public static HourlyEnvelope read(InputStream in, String name) throws IOException {
        byte[] bytes = in.readAllBytes();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
        if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase(HEADER)) {
            throw new ModelFormatException(name + ": line 1: expected header '" + HEADER + "'");
        }
        ExpectedRange[] byHour = new ExpectedRange[24];
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (!line.isEmpty()) {
                parseRow(line, i + 1, name, byHour);
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (byHour[h] == null) {
                missing.add(h);
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelFormatException(name + ": no row for hour(s) " + missing);
        }
        return new HourlyEnvelope(Arrays.asList(byHour), baseName(name) + "-" + shortHash(bytes));
    }

    /** The envelope in the form {@link #read} takes: the header, then one row per hour, one decimal. */
    public static void write(HourlyEnvelope envelope, Writer out) throws IOException {
        out.write(HEADER + "\n");
        for (int h = 0; h < 24; h++) {
            out.write(String.format(Locale.ROOT, "%d,%.1f,%.1f%n", h, envelope.forHour(h).lowWh(),
                    envelope.forHour(h).highWh()));
        }
    }

    private static void parseRow(String line, int lineNo, String name, ExpectedRange[] byHour) {
        String[] cells = line.split(",", -1);
        if (cells.length != 3) {
            throw new ModelFormatException(name + ": line " + lineNo + ": expected 3 columns, got " + cells.length);
        }
        try {
            int hour = Integer.parseInt(cells[0].trim());
            double low = Double.parseDouble(cells[1].trim());
            double high = Double.parseDouble(cells[2].trim());
            if (hour < 0 || hour > 23) {
                throw new ModelFormatException(name + ": line " + lineNo + ": hour must be 0..23, was " + hour);
            }
            if (byHour[hour] != null) {
                throw new ModelFormatException(name + ": line " + lineNo + ": hour " + hour + " appears twice");
            }
            if (!(low >= 0) || !(high >= low) || !Double.isFinite(high)) {
                throw new ModelFormatException(name + ": line " + lineNo + ": need 0 <= low_wh <= high_wh, was "
                        + low + ", " + high);
            }
            byHour[hour] = new ExpectedRange(low, high);
        } catch (NumberFormatException e) {
            throw new ModelFormatException(name + ": line " + lineNo + ": not a number: " + e.getMessage());
        }
    }

    private static String baseName(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static String shortHash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
