package org.wattwatch.notifier.delivery;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.notifier.NotifierApplication;

/** A notifier started as its own application, for tests that stop and start it on one broker. */
public final class TestNotifiers {

    private TestNotifiers() {
    }

    /** On {@code broker}, with the owner's test token and the webhook channel at {@code webhookUrl}, plus settings. */
    static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String webhookUrl, String... settings) {
        List<String> args = new ArrayList<>(List.of("--wattwatch.notifier.channels.webhook.enabled=true",
                "--wattwatch.notifier.channels.webhook.url=" + webhookUrl));
        args.addAll(List.of(settings));
        return startOn(broker, args.toArray(String[]::new));
    }

    /** On {@code broker}, with the owner's test token and the log channel only, plus settings. */
    public static ConfigurableApplicationContext startOn(EmbeddedKafkaBroker broker, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--" + OwnerClient.SETTING,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--wattwatch.topics.partitions=1"));
        args.addAll(List.of(settings));
        return NotifierApplication.builder().run(args.toArray(String[]::new));
    }
}
