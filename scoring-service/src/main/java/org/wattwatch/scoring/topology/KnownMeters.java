package org.wattwatch.scoring.topology;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many meters this instance keeps state for, over all its tasks, against its limit
 * ({@code wattwatch.scoring.max-meters}). A task adds the meters of its store when it starts and takes
 * them back when it closes (its partitions moved to another instance).
 */
final class KnownMeters {

    private final int max;
    private final AtomicInteger count = new AtomicInteger();

    KnownMeters(int max) {
        this.max = max;
    }

    int max() {
        return max;
    }

    /** Takes a place for a new meter, or says there is none left. */
    boolean admit() {
        while (true) {
            int now = count.get();
            if (now >= max) {
                return false;
            }
            if (count.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void add(int meters) {
        count.addAndGet(meters);
    }
}
