package org.wattwatch.bench;

import java.nio.file.Path;

/** The trained model package the benchmarks score with: the test package, or {@code -Dwattwatch.bench.model}. */
final class BenchModel {

    private BenchModel() {
    }

    static Path file() {
        return Path.of(System.getProperty("wattwatch.bench.model",
                "model-package/src/test/resources/models/seed-like-gbm.zip"));
    }
}
