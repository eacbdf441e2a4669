package org.wattwatch.scoring.model;

import java.time.Instant;

/**
 * A record of {@code power.models}: the model that scores a meter ({@link #DEFAULT} for every meter
 * without its own), and the one before it, so a rollback needs nothing but this record.
 */
public record ModelAssignment(int schemaVersion, String meter, ModelFile active, ModelFile previous,
        Instant assignedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String DEFAULT = "*";

    /** A model file as uploaded (a package .zip or an envelope .csv): its name tells its kind. */
    public record ModelFile(String fileName, String version, String packageBase64) {
    }
}
