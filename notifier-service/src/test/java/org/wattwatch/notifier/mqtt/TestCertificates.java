package org.wattwatch.notifier.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A certificate authority of the test's own and a broker certificate it signed, made with openssl. */
public record TestCertificates(Path ca, Path serverCert, Path serverKey) {

    public static TestCertificates make() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed (.ci/run installs it)");
        Path dir = Files.createTempDirectory("mqtt-tls");
        MosquittoBroker.run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=WattWatch test CA", "-keyout", "ca.key", "-out", "ca.crt");
        MosquittoBroker.run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", "server.key", "-out", "server.csr");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        MosquittoBroker.run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "server.crt");
        return new TestCertificates(dir.resolve("ca.crt"), dir.resolve("server.crt"), dir.resolve("server.key"));
    }
}
