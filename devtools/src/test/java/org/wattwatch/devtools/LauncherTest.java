package org.wattwatch.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The launcher's argument handling, run as a newcomer runs it: bad arguments are refused with exit 2
 * and a message naming them, before anything is built or started.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "wattwatch").toAbsolutePath().normalize();

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("./wattwatch %s ends", String.join(" ", args)).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void badArgumentsAreRefusedNamingThemBeforeAnythingIsBuilt() throws Exception {
        Run unknown = run("nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command: nope");
        assertThat(run("local", "--bogus").err()).contains("local: unknown option --bogus");
        assertThat(run("local", "--bogus").exit()).isEqualTo(2);
        Run noModel = run("local", "--model", "/no/such/model.zip");
        assertThat(noModel.exit()).isEqualTo(2);
        assertThat(noModel.err()).contains("--model: no such file: /no/such/model.zip");
        Run badMqtt = run("local", "--mqtt", "homeassistant.local");
        assertThat(badMqtt.exit()).isEqualTo(2);
        assertThat(badMqtt.err()).contains("--mqtt: HOST:PORT (or tcp://HOST:PORT, ssl://HOST:PORT) expected, "
                + "was 'homeassistant.local'");
        Run noFile = run("agent", "--file", "/no/such/history.csv");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("--file: no such file");
        Run help = run("help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("local [--model FILE]").contains("--mqtt HOST:PORT").contains("train --history");
    }

    /**
     * Under set -u, bash before 4.4 (macOS's 3.2) calls "${a[@]}" of an empty array unbound: an array
     * that may be empty must be expanded as ${a[@]+"${a[@]}"}. Only arrays that are never empty may
     * be expanded plainly.
     */
    @Test
    void arraysThatMayBeEmptyAreExpandedSoBash32AcceptsThem() throws IOException {
        Set<String> neverEmpty = Set.of("RUNNABLE", "SHARED", "AGENT_JVM", "PIDS", "sources");
        Matcher plain = Pattern.compile("(?<!\\+)\"\\$\\{(\\w+)\\[@]}\"").matcher(Files.readString(LAUNCHER));
        List<String> unguarded = new ArrayList<>();
        while (plain.find()) {
            if (!neverEmpty.contains(plain.group(1))) {
                unguarded.add(plain.group());
            }
        }
        assertThat(unguarded).isEmpty();
    }

    @Test
    void passesShellcheck() throws Exception {
        boolean installed = new ProcessBuilder("sh", "-c", "command -v shellcheck").start().waitFor() == 0;
        assumeTrue(installed, "shellcheck is not installed (Debian package shellcheck; .ci/run installs it)");
        Process p = new ProcessBuilder("shellcheck", LAUNCHER.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
