package org.wattwatch.scoring.model;

import java.time.Instant;

/**
 * A record of {@code power.models}: the model that scores a meter ({@link #DEFAULT} for every meter
 * without its own), and the one before it, so a rollback needs nothing but this record.
 */
public record ModelAssignment(int schemaVersion, String meter, ModelFile active, ModelFile previous,
        Instant assignedAt) {

    public static final int SCHEMA_VERSION = 1;
    /** The default model's name everywhere: the API path, the topic key, health and metrics. */
    public static final String DEFAULT = "default";
    /** The default model's topic key before it had one name; still read as {@link #DEFAULT}. */
    static final String LEGACY_DEFAULT = "*";

    /** The meter a record of the topic is about, its key or its {@code meter} field, the legacy name read as the default. */
    static String meterOf(String key) {
        return LEGACY_DEFAULT.equals(key) ? DEFAULT : key;
    }

    /** A model file as uploaded (a package .zip or an envelope .csv): its name tells its kind. */
    public record ModelFile(String fileName, String version, String packageBase64) {
    }
}
