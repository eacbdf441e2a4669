package org.wattwatch.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** A follower that fails is tried again and shown DOWN meanwhile; it never dies silently. */
class FollowerLoopTest {

    @Test
    void aFailingFollowerIsShownDownKeptAliveAndUpAgainOnceItFollows() {
        AtomicBoolean broken = new AtomicBoolean(true);
        AtomicInteger steps = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        FollowerLoop loop = new FollowerLoop("test-follower", () -> {
            steps.incrementAndGet();
            if (broken.get()) {
                throw new IllegalStateException("not authorized to read power.models");
            }
            Thread.sleep(5);
        }, () -> closed.set(true), java.time.Clock.systemUTC(), Duration.ofMillis(10), Duration.ofMillis(40));
        FollowersHealthIndicator health = new FollowersHealthIndicator(List.of(() -> loop));
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> loop.failure().map(f -> f.attempts() >= 3).orElse(false));
            assertThat(loop.isRunning()).as("still alive, trying again").isTrue();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails().toString()).contains("not authorized to read power.models");

            broken.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> loop.failure().isEmpty());
            int after = steps.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> steps.get() > after + 3);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            loop.stop(Duration.ofSeconds(2));
        }
        assertThat(loop.isRunning()).isFalse();
        assertThat(closed).as("its consumer closed by its own thread").isTrue();
    }
}
