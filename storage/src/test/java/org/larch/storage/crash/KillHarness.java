package org.larch.storage.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.larch.storage.Env;

/**
 * The kill harness: starts a {@link CrashWriter} process on an environment, kills it with SIGKILL at
 * a random moment ({@link KillPlan}), reopens the environment and judges it ({@link CrashCheck}):
 * the last acknowledged transaction must be there, the checker must pass, and the contents must be
 * exactly the workload's after the transaction the marker names: no half transaction, no damaged
 * value. Then again, from where the environment stands, for the given number of cycles.
 *
 * <p>After a lost commit or a corruption the run goes on in a fresh environment (the damaged one is
 * left in place for inspection), so one failure does not hide the next.
 */
final class KillHarness {
    private final Path root;
    private final Durability durability;
    private final CrashWorkload workload;
    private final boolean brokenControl;
    private final Random random;
    private final Path errorLog;
    private final List<String> failures = new ArrayList<>();
    private Path directory;
    private CrashModel model;
    private int environments;
    private long acknowledged;
    private long lastAck;
    private int unacknowledged;
    private long lost;
    private int corruptions;
    private int writerErrors;

    /**
     * @param root          a directory for the environments and the writers' error log
     * @param brokenControl run the deliberately broken engine ({@link MetaFirstWrites}): must be flagged
     */
    KillHarness(Path root, Durability durability, long seed, boolean duplicates, boolean brokenControl) {
        this.root = root;
        this.durability = durability;
        this.workload = new CrashWorkload(seed, duplicates);
        this.brokenControl = brokenControl;
        this.random = new Random(seed);
        this.errorLog = root.resolve("writer-errors.log");
        freshEnvironment();
    }

    /**
     * Runs {@code cycles} kill cycles, or fewer if {@code stopAtFirstFailure} and one fails, or when
     * {@code budgetSeconds} have passed (0: no limit).
     */
    KillReport run(int cycles, boolean stopAtFirstFailure, double budgetSeconds) throws InterruptedException {
        long start = System.nanoTime();
        int done = 0;
        while (done < cycles) {
            boolean failed = cycle(done++);
            double seconds = (System.nanoTime() - start) / 1e9;
            if ((failed && stopAtFirstFailure) || (budgetSeconds > 0 && seconds > budgetSeconds)) {
                break;
            }
        }
        return new KillReport(done, acknowledged, unacknowledged, lost, corruptions, writerErrors, failures,
                (System.nanoTime() - start) / 1e9);
    }

    /** One writer, one kill, one verification; true if the cycle failed. */
    private boolean cycle(int number) throws InterruptedException {
        KillPlan plan = brokenControl ? KillPlan.forControl(random) : KillPlan.random(random);
        WriterProcess writer = WriterProcess.start(directory, durability, workload, brokenControl, plan, errorLog);
        String writerError = writer.awaitKill();
        acknowledged += writer.ackCount();
        long newestBegun = Math.max(lastAck, model.txn()) + 1;
        lastAck = Math.max(lastAck, writer.lastAck());
        newestBegun = Math.max(newestBegun, lastAck + 1);
        if (writerError != null) {
            writerErrors++;
            return fail(number, plan, writerError + "\n    writer errors:\n" + WriterProcess.tail(errorLog));
        }
        CrashVerdict verdict = CrashCheck.afterCrash(directory, durability.config(), model, lastAck, newestBegun);
        if (Boolean.getBoolean("larch.crash.verbose")) {
            System.out.println("cycle " + number + ": " + plan + ", " + writer.ackCount() + " ACKs, last " + lastAck
                    + ": " + verdict);
        }
        if (verdict.sound()) {
            if (verdict.landedTxn() > lastAck) {
                unacknowledged++;
            }
            return false;
        }
        lost += verdict.lostCommits();
        corruptions += verdict.corrupt() ? 1 : 0;
        return fail(number, plan, verdict.toString());
    }

    private boolean fail(int number, KillPlan plan, String what) {
        failures.add("cycle " + number + " (" + plan + ", last ACK " + lastAck + ", environment " + directory + "): "
                + what);
        freshEnvironment();
        return true;
    }

    private void freshEnvironment() {
        directory = root.resolve("env-" + environments++);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model = new CrashModel(workload);
        lastAck = 0;
    }

    /** Whether the engine under test supports DUPSORT, probed in a scratch environment under {@code root}. */
    static boolean engineSupportsDuplicates(Path root) {
        try (Env scratch = Env.open(root.resolve("duplicates-probe"))) {
            return WorkloadDatabases.engineSupportsDuplicates(scratch);
        }
    }
}
