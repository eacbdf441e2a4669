package org.wattwatch.notifier.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's mosquitto, the broker Home Assistant's own add-on runs, as a process on a free loopback port
 * with a config of the test's: anonymous, with a password file, or with TLS. Tests that need it are
 * skipped, saying why, where it is not installed ({@code .ci/run} installs it).
 */
public final class MosquittoBroker implements AutoCloseable {

    public static final String USER = "homeassistant";
    public static final String PASSWORD = "mqtt-test-secret";

    private final Path dir;
    private final int port;
    private final Process process;

    private MosquittoBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static Path executable() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** Skips the calling test where mosquitto is not installed. */
    public static void assumeInstalled() {
        assumeTrue(executable() != null, "Debian's mosquitto is not installed (apt-get install mosquitto; .ci/run does)");
    }

    /** Anyone may connect. */
    public static MosquittoBroker anonymous() throws IOException {
        return start(freePort(), List.of("allow_anonymous true"));
    }

    /** Only {@link #USER} with {@link #PASSWORD}. */
    public static MosquittoBroker withPassword() throws IOException {
        Path dir = Files.createTempDirectory("mosquitto");
        Path passwords = dir.resolve("passwords");
        run(dir, "mosquitto_passwd", "-b", "-c", passwords.toString(), USER, PASSWORD);
        return start(freePort(), List.of("allow_anonymous false", "password_file " + passwords));
    }

    /** TLS with a certificate for 127.0.0.1 and localhost signed by {@code tls}'s authority, anyone may connect. */
    public static MosquittoBroker withTls(TestCertificates tls) throws IOException {
        return start(freePort(), List.of("allow_anonymous true", "cafile " + tls.ca(), "certfile " + tls.serverCert(),
                "keyfile " + tls.serverKey()));
    }

    /** Again on the port of a stopped broker, as a broker that comes back after a restart. */
    public static MosquittoBroker anonymousOn(int port) throws IOException {
        return start(port, List.of("allow_anonymous true"));
    }

    private static MosquittoBroker start(int port, List<String> listenerSettings) throws IOException {
        assumeInstalled();
        Path dir = Files.createTempDirectory("mosquitto");
        // as root (CI), mosquitto would become user "mosquitto", who cannot read the test's files
        List<String> config = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "persistence false",
                "log_dest stdout", "user " + System.getProperty("user.name")));
        config.addAll(listenerSettings);
        Path file = dir.resolve("mosquitto.conf");
        Files.write(file, config);
        Process process = new ProcessBuilder(executable().toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        MosquittoBroker broker = new MosquittoBroker(dir, port, process);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto stopped: " + Files.readString(dir.resolve("mosquitto.log")));
            }
            return accepts(port);
        });
        return broker;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void run(Path dir, String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String tcpUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    public String sslUrl() {
        return "ssl://localhost:" + port;
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("mosquitto.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
