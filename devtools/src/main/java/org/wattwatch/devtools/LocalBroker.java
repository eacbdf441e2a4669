package org.wattwatch.devtools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

import kafka.tools.StorageTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), from
 * Kafka's own jars: the same broker code as production, with settings that let exactly-once and
 * consumer groups work on one node. Runs until the process is stopped (Ctrl-C).
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a local single-node KRaft Kafka broker until Ctrl-C.")
class LocalBroker implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092", description = "client port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--controller-port", defaultValue = "9093",
            description = "KRaft controller port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int controllerPort;

    @Option(names = "--data-dir", defaultValue = ".wattwatch/kafka",
            description = "where the broker keeps its log (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--keep-data", description = "keep topics from the last run instead of starting empty")
    boolean keepData;

    @Option(names = "--acls", description = "check ACLs (everything is allowed where no ACL names the resource), "
            + "to try what a client does when the broker refuses it")
    boolean acls;

    @Override
    public Integer call() throws Exception {
        Path logDir = dataDir.toAbsolutePath().resolve("broker-" + port);
        if (!keepData) {
            deleteRecursively(logDir);
        }
        Files.createDirectories(logDir);
        Path config = logDir.resolveSibling("broker-" + port + ".properties");
        Files.writeString(config, serverProperties(logDir));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        Thread announcer = new Thread(this::announceWhenReady, "broker-ready");
        announcer.setDaemon(true);
        announcer.start();
        kafka.Kafka.main(new String[] {config.toString()});
        return 0;
    }

    private String serverProperties(Path logDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                // one node: internal topics cannot have more replicas than there are brokers
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // consumer groups start at once instead of waiting for more members
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                acls ? "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer" : "",
                acls ? "allow.everyone.if.no.acl.found=true" : "",
                "");
    }

    private static void format(Path config) {
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"};
        int exit = StorageTool.execute(args, new PrintStream(OutputStream.nullOutputStream()));
        if (exit != 0) {
            throw new IllegalStateException("formatting the broker's storage failed with exit code " + exit);
        }
    }

    private void announceWhenReady() {
        String bootstrap = "127.0.0.1:" + port;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", 2000,
                "default.api.timeout.ms", 60_000))) {
            admin.describeCluster().nodes().get();
            System.out.println("WattWatch local Kafka broker ready on " + bootstrap + " (data in "
                    + dataDir.toAbsolutePath().resolve("broker-" + port) + ")");
        } catch (Exception e) {
            System.err.println("broker did not become ready: " + e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
