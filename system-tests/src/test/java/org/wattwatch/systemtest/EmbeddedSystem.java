package org.wattwatch.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.devtools.DevTools;

import picocli.CommandLine;

/**
 * Services on one embedded KRaft broker, each on a free port and with the owner's token, closed in
 * reverse order; and readings
 * sent the way {@code ./wattwatch send} sends them.
 */
final class EmbeddedSystem implements AutoCloseable {

    final EmbeddedKafkaBroker broker;
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();

    EmbeddedSystem() {
        broker = new EmbeddedKafkaKraftBroker(1, 3).brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
    }

    ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        all.add("--server.port=0");
        all.add("--" + OwnerClient.SETTING);
        ConfigurableApplicationContext context = builder.run(all.toArray(String[]::new));
        services.add(context);
        return context;
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** One reading of {@code wh} for the hour from {@code localStart} in {@code zone}. */
    void send(String meter, String localStart, int wh, String zone) {
        int exit = new CommandLine(new DevTools()).execute("send", "--meter", meter, "--at", localStart, "--wh",
                String.valueOf(wh), "--zone", zone, "--bootstrap-servers", broker.getBrokersAsString());
        assertThat(exit).as("./wattwatch send").isZero();
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            if (services.get(i).isActive()) {
                services.get(i).close();
            }
        }
        broker.destroy();
    }
}
