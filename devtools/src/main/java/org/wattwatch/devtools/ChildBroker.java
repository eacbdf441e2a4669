package org.wattwatch.devtools;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local broker ({@link LocalBroker}) in a JVM of its own, for tests and benchmarks that need a
 * real broker they can stop and start again like a process: on two free loopback ports, keeping its
 * data across restarts.
 */
public final class ChildBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final boolean acls;
    private Process process;

    private ChildBroker(Path dir, int port, boolean acls) {
        this.dir = dir;
        this.port = port;
        this.acls = acls;
    }

    /** Starts a broker keeping its data under {@code dir}, and waits until it takes clients. */
    public static ChildBroker start(Path dir) throws IOException, InterruptedException {
        ChildBroker broker = new ChildBroker(dir, freePortPair(), false);
        broker.start();
        return broker;
    }

    /** The same, checking ACLs: a client is refused what an ACL denies it (all is allowed where none applies). */
    public static ChildBroker startWithAcls(Path dir) throws IOException, InterruptedException {
        ChildBroker broker = new ChildBroker(dir, freePortPair(), true);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public void start() throws IOException, InterruptedException {
        Path log = dir.resolve("broker-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), DevTools.class.getName(), "broker",
                "--port", Integer.toString(port), "--controller-port", Integer.toString(port + 1),
                "--data-dir", dir.resolve("kafka").toString(), "--keep-data"));
        if (acls) {
            command.add("--acls");
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.readString(log).contains("broker ready")) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("the local broker did not start; see " + log);
            }
            Thread.sleep(200); // polling a child process's log for its ready line
        }
    }

    /** Stops the broker as an operator would (SIGTERM), and waits for it to exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate;
            try (ServerSocket s = new ServerSocket(0)) {
                candidate = s.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(candidate + 1)) {
                return candidate;
            } catch (IOException taken) {
                // try another pair
            }
        }
        throw new IOException("no two free neighbouring ports on loopback");
    }
}
