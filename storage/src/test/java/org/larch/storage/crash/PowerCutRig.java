package org.larch.storage.crash;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.StorageException;
import org.larch.storage.io.WriteLayers;

/**
 * An environment in this process whose writes go through {@link PowerCutWrites}: commit workload
 * transactions, cut the power at a chosen operation, lay the unsynced writes down as a crash could,
 * reopen and judge ({@link CrashCheck}), and go on from there.
 */
final class PowerCutRig implements AutoCloseable {
    private final Path directory;
    private final Durability durability;
    private final CrashWorkload workload;
    private final CrashModel model;
    private final Random random;
    private Env env;
    private WorkloadDatabases databases;
    private PowerCutWrites writes;
    private long lastReturned;
    private boolean commitInFlight;

    PowerCutRig(Path directory, Durability durability, long seed, boolean duplicates) {
        this.directory = directory;
        this.durability = durability;
        this.workload = new CrashWorkload(seed, duplicates);
        this.model = new CrashModel(workload);
        this.random = new Random(seed);
        open();
    }

    /** Opens the environment with a fresh power-cut layer; all the file holds now counts as on the disk. */
    private void open() {
        Path dataFile = directory.resolve(Env.DATA_FILE);
        try (WriteLayers.Installed layer = WriteLayers.install(dataFile,
                file -> writes = new PowerCutWrites(file, dataFile))) {
            env = Env.open(directory, config());
        }
        databases = WorkloadDatabases.create(env, workload.duplicates());
        lastReturned = databases.marker();
        commitInFlight = false;
    }

    EnvConfig config() {
        return durability.config();
    }

    int pageSize() {
        return config().pageSize();
    }

    /** Commits the next workload transaction; false if the power cut made it fail. */
    boolean commitNext() {
        try {
            databases.commit(workload, lastReturned + 1);
            lastReturned++;
            return true;
        } catch (StorageException e) {
            if (!writes.isDown()) {
                throw e;
            }
            commitInFlight = true;
            return false;
        }
    }

    /** Commits until the power cut stops one or {@code most} have committed; returns how many did. */
    int commitUntilTheCut(int most) {
        for (int done = 0; done < most; done++) {
            if (!commitNext()) {
                return done;
            }
        }
        return most;
    }

    void cutBefore(Predicate<WriteOperation> when) {
        writes.cutBefore(when);
    }

    /** The workload transaction last committed (commit returned). */
    long lastReturned() {
        return lastReturned;
    }

    /**
     * Cuts the power (if not cut yet), lays the unsynced writes down as {@code fate} says, reopens and
     * judges: the environment must hold at least {@code mustHave} and agree with the model. Then
     * opens it again for more commits.
     */
    CrashVerdict crash(Function<PowerCutWrites.Unsynced, PowerCutWrites.Fate> fate, long mustHave) {
        writes.cutNow();
        closeQuietly();
        writes.rewriteAsAfterTheCut(fate, random);
        long newestPossible = lastReturned + (commitInFlight ? 1 : 0);
        CrashVerdict verdict = CrashCheck.afterCrash(directory, config(), model, mustHave, newestPossible);
        if (verdict.sound()) {
            open();
        }
        return verdict;
    }

    private void closeQuietly() {
        try {
            env.close();
        } catch (StorageException closing) {
            // the device is gone; closing writes nothing, so nothing is lost by this
        }
    }

    @Override
    public void close() {
        if (env != null && !env.isClosed()) {
            closeQuietly();
        }
    }
}
