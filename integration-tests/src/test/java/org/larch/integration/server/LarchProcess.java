package org.larch.integration.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Larch server in its own process, as an operator runs it: {@code java org.larch.server.Main serve
 * -f FILE} on this JVM's class path (the same classes {@code larch-server.jar} holds). Its output goes
 * to {@code server.log} in the test directory and is quoted when it does not come up. {@link #close()}
 * sends SIGTERM and waits for the process to end.
 */
public final class LarchProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final LarchConfigFile config;
    private final Process process;
    private final Path log;

    private LarchProcess(LarchConfigFile config, Process process, Path log) {
        this.config = config;
        this.process = process;
        this.log = log;
    }

    public static LarchProcess start(LarchConfigFile config) throws IOException, InterruptedException {
        Path file = config.write();
        Path log = config.directory().resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command(file))
                .directory(config.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        LarchProcess server = new LarchProcess(config, builder.start(), log);
        server.awaitListening();
        return server;
    }

    static List<String> command(Path configFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "org.larch.server.Main", "serve", "-f", configFile.toString());
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("larch serve exited with status " + process.exitValue()
                        + " before listening on port " + config.ldapPort() + "; its output:\n" + output());
            }
            if (accepts(config.ldapPort())) {
                return;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("larch serve did not listen on port " + config.ldapPort() + " within "
                + START_TIMEOUT.toSeconds() + " s; its output:\n" + output());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public LarchConfigFile config() {
        return config;
    }

    public String ldapUrl() {
        return config.ldapUrl();
    }

    public String ldapsUrl() {
        return "ldaps://127.0.0.1:" + config.ldapsPort();
    }

    /** Everything the server printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then wait; returns the exit status. Kills the process if it does not end in time. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("larch serve did not end within " + STOP_TIMEOUT.toSeconds()
                    + " s of SIGTERM; its output:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
