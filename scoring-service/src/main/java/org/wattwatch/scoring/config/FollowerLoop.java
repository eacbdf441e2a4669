package org.wattwatch.scoring.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that follows a topic, one step at a time. A step that fails is logged, shown (see
 * {@link #failure()}, which the "followers" health reports as DOWN) and tried again after a pause
 * that grows to a limit: a follower never dies silently while the service looks healthy.
 */
public final class FollowerLoop {

    /** One round of following: a poll and what it brought. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** A bean that follows a topic with a loop of its own, for the health to report. */
    public interface Source {
        FollowerLoop follower();
    }

    /** What went wrong and since when, while it is still wrong. */
    public record Failure(String error, Instant since, long attempts) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FollowerLoop.class);

    private final String name;
    private final Step step;
    private final Duration firstPause;
    private final Duration longestPause;
    private final AutoCloseable resource;
    private final Clock clock;
    private volatile boolean running;
    private volatile Failure failure;
    private Thread thread;

    /** @param resource what the steps use (a consumer), closed by the loop's own thread when it ends */
    public FollowerLoop(String name, Step step, AutoCloseable resource, Clock clock, Duration firstPause,
            Duration longestPause) {
        this.name = name;
        this.clock = clock;
        this.step = step;
        this.resource = resource;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            follow();
        } finally {
            try {
                resource.close(); // a consumer is closed by the thread that used it
            } catch (Exception e) {
                LOG.warn("{}: closing failed: {}", name, e.toString());
            }
        }
    }

    private void follow() {
        Duration pause = firstPause;
        while (running) {
            try {
                step.run();
                if (failure != null) {
                    LOG.info("{} follows its topic again after {} failed attempts", name, failure.attempts());
                    failure = null;
                }
                pause = firstPause;
            } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
                return; // stopping
            } catch (Exception | LinkageError e) {
                if (!running) {
                    return;
                }
                Failure before = failure;
                failure = new Failure(e.toString(), before == null ? clock.instant() : before.since(),
                        before == null ? 1 : before.attempts() + 1);
                LOG.error("{} failed ({}); trying again in {}", name, e.toString(), pause, e);
                try {
                    Thread.sleep(pause.toMillis()); // back off from a failure that may last
                } catch (InterruptedException stopping) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
            }
        }
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    public void stop(Duration wait) {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
