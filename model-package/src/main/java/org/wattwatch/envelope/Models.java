package org.wattwatch.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public static EnvelopeModel read(InputStream in, String name) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return EnvelopeCsv.read(in, name);
        }
        if (lower.endsWith(".zip")) {
            return ModelPackage.read(in, name);
        }
        throw new ModelFormatException(name + ": unknown model kind; expected an hourly envelope .csv "
                + "(hour,low_wh,high_wh) or a model package .zip from the trainer");
    }
}
