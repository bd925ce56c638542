package org.larch.storage.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@link CrashWriter} child JVM, and the thread that reads its acknowledgements and kills it
 * (SIGKILL) as its {@link KillPlan} says. Only whole lines
 * {@code ACK <k> ok} count: a line cut short by the kill is not an acknowledgement.
 */
final class WriterProcess {
    private static final Pattern ACK = Pattern.compile("ACK (\\d+) ok");
    private static final long NO_PROGRESS_MILLIS = 60_000;

    private final Process process;
    private final KillPlan plan;
    private final long startNanos = System.nanoTime();
    private final Thread reader;
    private final List<String> otherLines = new ArrayList<>();
    private volatile long lastAck = -1;
    private volatile int ackCount;
    private volatile boolean killed;

    private WriterProcess(Process process, KillPlan plan) {
        this.process = process;
        this.plan = plan;
        this.reader = Thread.ofPlatform().name("ack-reader").start(this::readAcks);
    }

    /** Starts a writer on {@code directory}; its standard error is appended to {@code errorLog}. */
    static WriterProcess start(Path directory, Durability durability, CrashWorkload workload, boolean brokenControl,
            KillPlan plan, Path errorLog) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                CrashWriter.class.getName(), directory.toString(), durability.name(),
                Long.toString(workload.seed()), Boolean.toString(workload.duplicates())));
        if (brokenControl) {
            command.add("meta-first");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()));
        try {
            return new WriterProcess(builder.start(), plan);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the writer process", e);
        }
    }

    /**
     * Waits until the writer was killed as planned (or stopped by itself) and its output is read to
     * the end. Returns null, or why the writer is to blame: it exited by itself, or made no progress.
     */
    String awaitKill() throws InterruptedException {
        if (plan.byTime()) {
            long remaining = plan.sinceStartMillis() - (System.nanoTime() - startNanos) / 1_000_000;
            if (!process.waitFor(Math.max(0, remaining), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } else if (!process.waitFor(NO_PROGRESS_MILLIS, TimeUnit.MILLISECONDS)) {
            kill();
            reader.join();
            return "the writer acknowledged " + ackCount + " commits in " + NO_PROGRESS_MILLIS + " ms, planned to "
                    + plan;
        }
        process.waitFor();
        reader.join();
        if (!killed) {
            return "the writer exited by itself with status " + process.exitValue() + " after " + ackCount
                    + " acknowledgements; its output: " + otherLines;
        }
        return null;
    }

    /** The highest acknowledged workload transaction, -1 for none. */
    long lastAck() {
        return lastAck;
    }

    int ackCount() {
        return ackCount;
    }

    private void readAcks() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher ack = ACK.matcher(line);
                if (!ack.matches()) {
                    otherLines.add(line);
                    continue;
                }
                lastAck = Math.max(lastAck, Long.parseLong(ack.group(1)));
                ackCount++;
                if (!plan.byTime() && ackCount == plan.acks()) {
                    LockSupport.parkNanos(plan.delayMicros() * 1_000);
                    kill();
                }
            }
        } catch (IOException e) {
            otherLines.add("reading the writer's output failed: " + e);
        }
    }

    /**
     * SIGKILL through the process handle: {@link Process#destroyForcibly()} also closes our end of the
     * writer's output, dropping acknowledgements still in the pipe.
     */
    private void kill() {
        killed = true;
        process.toHandle().destroyForcibly();
    }

    /** The last lines of the error log, for a failure report. */
    static String tail(Path errorLog) {
        try {
            List<String> lines = Files.exists(errorLog) ? Files.readAllLines(errorLog) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + errorLog + ": " + e + ")";
        }
    }
}
