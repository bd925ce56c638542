package org.larch.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code larch serve} as a child process on this test's class path (what {@code ./larch serve} runs,
 * without the jar), its stdout collected line by line, stderr kept in a file.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("larch: serving \\S+ at (ldap://\\S+)");
    private static final String LAST_WELCOME_LINE = "stop with Ctrl-C or SIGTERM";
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> allLines = java.util.Collections.synchronizedList(new ArrayList<>());

    private ServeProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread.ofPlatform().daemon().start(this::readStdout);
    }

    static ServeProcess start(Path workingDirectory, Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve"));
        command.addAll(List.of(arguments));
        Path stderr = workingDirectory.resolve("serve-stderr-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("LARCH_ROOTPW");
        builder.environment().putAll(environment);
        return new ServeProcess(builder.start(), stderr);
    }

    /**
     * Waits for the whole welcome (from "serving ... at URL" to "stop with ...") and returns the URL;
     * fails with the output if the process ends first.
     */
    URI awaitUrl() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        URI url = null;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher matcher = SERVING.matcher(line);
                if (matcher.find()) {
                    url = URI.create(matcher.group(1));
                } else if (url != null && line.contains(LAST_WELCOME_LINE)) {
                    return url;
                }
            } else if (!process.isAlive()) {
                throw new AssertionError("larch serve ended with " + process.exitValue() + " before serving:\n" + output());
            }
        }
        throw new AssertionError("larch serve did not start within " + START_TIMEOUT_SECONDS + " s:\n" + output());
    }

    /** Sends SIGTERM and returns the exit code. */
    int terminate() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("larch serve did not end within 60 s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** Everything printed so far, for failure messages. */
    String output() {
        return "--- stdout:\n" + String.join("\n", stdoutLines()) + "\n--- stderr:\n" + stderrText();
    }

    private String stderrText() {
        try {
            return java.nio.file.Files.exists(stderr) ? java.nio.file.Files.readString(stderr) : "";
        } catch (IOException e) {
            return "(cannot read " + stderr + ": " + e.getMessage() + ")";
        }
    }

    List<String> stdoutLines() {
        synchronized (allLines) {
            return List.copyOf(allLines);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                allLines.add(line);
                lines.add(line);
            }
        } catch (IOException e) {
            allLines.add("(reading stdout failed: " + e + ")");
        }
    }
}
