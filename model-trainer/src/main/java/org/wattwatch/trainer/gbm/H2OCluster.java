package org.wattwatch.trainer.gbm;

import java.io.IOException;
import java.net.ServerSocket;

import water.H2O;
import water.H2OStarter;

/**
 * H2O embedded in this JVM: one node, on loopback, no web UI, started once. Started through
 * {@link H2OStarter} rather than {@code H2O.main}, which leaves the REST schemas unregistered and
 * MOJO export failing.
 */
final class H2OCluster {

    private static boolean started;

    private H2OCluster() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        String[] args = {
            "-name", "wattwatch-trainer-" + ProcessHandle.current().pid(),
            "-ip", "127.0.0.1",
            "-port", Integer.toString(freePort()),
            "-disable_web",
            "-log_level", "ERROR",
            "-quiet",
        };
        H2OStarter.start(args, true);
        H2O.waitForCloudSize(1, 60_000);
        started = true;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback for H2O", e);
        }
    }
}
