package org.wattwatch.detection;

import java.time.Instant;
import java.util.List;

/**
 * What the scoring service remembers per meter, in a Kafka Streams state store (changelogged, so it
 * survives a restart or a move to another instance).
 *
 * @param recent     the readings of the trailing window, oldest first
 * @param latestEnd  end of the latest reading, to tell a late reading from the next one
 * @param alert      the meter's open alert, or null
 * @param levels     the levels of the trailing shortest-scale windows, for judging longer ones
 * @param presence   when the meter was last heard from on the wall clock, and whether it is told as silent
 * @param totalWh    the energy of the readings that continued the meter's timeline (a reading that begins
 *                   before {@code latestEnd} covers time already counted, so it adds nothing)
 */
public record MeterState(List<Slice> recent, Instant latestEnd, OpenAlert alert, Levels levels, Presence presence,
        double totalWh) {

    public static final MeterState EMPTY = new MeterState(List.of(), null, null, Levels.EMPTY, Presence.UNKNOWN, 0);

    public MeterState(List<Slice> recent, Instant latestEnd, OpenAlert alert) {
        this(recent, latestEnd, alert, Levels.EMPTY, Presence.UNKNOWN, 0);
    }

    public MeterState withPresence(Presence presence) {
        return new MeterState(recent, latestEnd, alert, levels, presence, totalWh);
    }

    /**
     * @param lastSeen    wall-clock time the latest reading arrived, or null before any
     * @param silentSince wall-clock time the meter was told as silent, or null while it is not
     * @param darkSince   start of the run of zero readings the latest reading belongs to, or null
     * @param darkTold    the run of zero readings was told as a dark sensor
     * @param spoolSince  end of the first reading that came with the agent's spool nearly full, while it is
     *                    told as such; null otherwise
     */
    public record Presence(Instant lastSeen, Instant silentSince, Instant darkSince, boolean darkTold,
            Instant spoolSince) {

        public static final Presence UNKNOWN = new Presence(null, null, null, false, null);

        public Presence(Instant lastSeen, Instant silentSince, Instant darkSince, boolean darkTold) {
            this(lastSeen, silentSince, darkSince, darkTold, null);
        }

        public Presence withSpoolSince(Instant since) {
            return new Presence(lastSeen, silentSince, darkSince, darkTold, since);
        }
    }

    /** The level of the shortest-scale window ending at {@code end}, in Wh per millisecond. */
    public record Level(Instant end, double power) {
    }

    /**
     * The trailing levels of the shortest-scale window, kept as a sliding minimum: each entry is
     * lower than every later one (a level above a later, lower one can never be a window's minimum
     * again), so the lowest level since any moment is the first entry after it, and the list stays
     * short while usage moves up and down.
     *
     * @param since end of the first level since the meter's readings last broke off, or null
     */
    public record Levels(Instant since, List<Level> trailing) {

        public static final Levels EMPTY = new Levels(null, List.of());

        /** The lowest level of the windows ending at or after {@code from}. */
        public double lowestFrom(Instant from) {
            for (Level l : trailing) {
                if (!l.end().isBefore(from)) {
                    return l.power();
                }
            }
            throw new IllegalStateException("no level since " + from);
        }
    }

    /** One reading, as the window needs it. */
    public record Slice(Instant start, Instant end, double wh) {

        public long millis() {
            return end.toEpochMilli() - start.toEpochMilli();
        }
    }

    /**
     * @param lastEventEnd end of the window the last RAISED/ONGOING event reported
     * @param scaleMinutes the level scale whose window raised it, which alone decides when it ends
     *                     (0: not raised by a level scale)
     */
    public record OpenAlert(String alertId, Instant raisedAt, double excessWh, Instant lastEventEnd, int scaleMinutes) {

        public OpenAlert(String alertId, Instant raisedAt, double excessWh, Instant lastEventEnd) {
            this(alertId, raisedAt, excessWh, lastEventEnd, 0);
        }
    }
}
