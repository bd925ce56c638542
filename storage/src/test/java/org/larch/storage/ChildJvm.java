package org.larch.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MultiProcessChild} running in a JVM of its own, on the test's class path: commands go to
 * its stdin, answers come back a line at a time; its stderr is kept for failure messages.
 */
final class ChildJvm implements AutoCloseable {
    private static final long ANSWER_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final PrintStream commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final StringBuffer errors = new StringBuffer();

    private ChildJvm(Process process) {
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
    }

    /** Starts a child that opens {@code directory}; waits until it has the environment open. */
    static ChildJvm start(Path directory, int maxReaders, boolean readOnly) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED", "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", MultiProcessChild.class.getName(), directory.toString(),
                Integer.toString(maxReaders), readOnly ? "ro" : "rw");
        ChildJvm child = new ChildJvm(new ProcessBuilder(command).start());
        child.expect("ready");
        return child;
    }

    static ChildJvm start(Path directory) throws IOException {
        return start(directory, EnvConfig.defaults().maxReaders(), false);
    }

    long pid() {
        return process.pid();
    }

    /** Sends {@code command} and returns the words of its answer, which must begin with {@code expected}. */
    String[] ask(String command, String expected) {
        send(command);
        return expect(expected);
    }

    void send(String command) {
        commands.println(command);
    }

    /** The words of the next answer, which must begin with {@code expected}. */
    String[] expect(String expected) {
        String answer = next(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (answer == null) {
            throw new AssertionError("no answer '" + expected + "' from the child within " + ANSWER_TIMEOUT_SECONDS
                    + " s; its stderr:\n" + errors);
        }
        String[] words = answer.split(" ");
        if (!words[0].equals(expected)) {
            throw new AssertionError("expected '" + expected + "' from the child, got '" + answer + "'; its stderr:\n"
                    + errors);
        }
        return words;
    }

    /** The next answer if one comes within {@code timeout}, else null. */
    String next(long timeout, TimeUnit unit) {
        try {
            return answers.poll(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the child", e);
        }
    }

    /** Kills the child with SIGKILL (no shutdown hooks, nothing closed) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the killed child " + pid() + " did not end");
        }
    }

    /** Asks the child to close the environment and exit; kills it if it does not. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            send("exit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
        commands.close();
    }

    private void pump(BufferedReader lines, boolean isAnswers) {
        Thread.ofPlatform().daemon().name("child " + process.pid() + (isAnswers ? " stdout" : " stderr")).start(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (isAnswers) {
                        answers.add(line);
                    } else {
                        errors.append(line).append('\n');
                    }
                }
            } catch (IOException ended) {
                // the child is gone
            }
        });
    }
}
