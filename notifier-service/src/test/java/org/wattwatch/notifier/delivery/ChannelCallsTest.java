package org.wattwatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.channel.AlertChannel;
import org.wattwatch.notifier.channel.PermanentDeliveryException;
import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.routing.ChannelRouting;

/** One channel that never answers holds up neither the caller past its deadline nor another channel. */
class ChannelCallsTest {

    private final ChannelCalls calls = new ChannelCalls(Duration.ofMillis(300));
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void release() {
        never.countDown();
        calls.destroy();
    }

    private static AlertMessage message() {
        return new AlertMessage(TestAnomalies.raised("main"), "k", "title", "text", "speech");
    }

    private static AlertChannel channel(String name, ThrowingDelivery delivery) {
        return new AlertChannel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ChannelRouting routing() {
                return null;
            }

            @Override
            public void deliver(AlertMessage message) throws Exception {
                delivery.deliver(message);
            }
        };
    }

    private interface ThrowingDelivery {
        void deliver(AlertMessage message) throws Exception;
    }

    @Test
    void aStalledProviderCostsItsOwnChannelARetryAndTheOthersNothing() throws Exception {
        // like a socket stuck in a TLS handshake: deaf to interrupts until the test ends
        AlertChannel stalled = channel("pushbullet", m -> {
            while (never.getCount() > 0) {
                try {
                    never.await();
                } catch (InterruptedException ignored) {
                    // a blocked socket read does not wake up either
                }
            }
        });
        List<AlertMessage> spoken = new ArrayList<>();
        AlertChannel speaker = channel("home-assistant", spoken::add);

        assertThatThrownBy(() -> calls.deliver(stalled, message()))
                .isInstanceOf(ChannelCalls.ChannelStalledException.class).hasMessageContaining("no answer within");
        for (int i = 0; i < 4; i++) {
            calls.deliver(speaker, message());
        }
        assertThat(spoken).as("the speaker spoke every alert while the push hung").hasSize(4);
        assertThat(never.getCount()).as("the push is still hanging").isEqualTo(1);

        // its threads all stuck, the stalled channel refuses at once instead of queueing without end
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try {
                calls.deliver(stalled, message());
            } catch (ChannelCalls.ChannelStalledException e) {
                failures.add(e);
            }
        }
        assertThat(failures).hasSize(3).extracting(Throwable::getMessage)
                .anyMatch(m -> m.contains("earlier calls still have no answer"));
    }

    @Test
    void whatTheChannelThrowsIsWhatTheCallerGets() {
        AlertChannel refusing = channel("webhook", m -> {
            throw new PermanentDeliveryException("401 Unauthorized", null);
        });
        assertThatThrownBy(() -> calls.deliver(refusing, message())).isInstanceOf(PermanentDeliveryException.class)
                .hasMessage("401 Unauthorized");
    }
}
