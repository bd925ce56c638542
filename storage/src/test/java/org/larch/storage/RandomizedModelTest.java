package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random operations on several named databases at once, each mirrored by a {@link TreeMap}
 * ordered like the database: every read is compared with the model, aborted transactions must leave
 * the model's state, the environment is closed and reopened between rounds. A failure names the seed;
 * replay it with {@code -Dlarch.seed=<seed>}.
 */
class RandomizedModelTest {
    @TempDir
    Path dir;

    /** Few operations, small data, the checker after every commit. */
    @Test
    void shortRunChecksAfterEveryCommit() {
        run(new Plan(30_000, 1, 600, 40, 4096));
    }

    /** As the short run on 512-byte pages: deep trees, many splits and merges, long keys near the limit. */
    @Test
    void shortRunOnSmallPagesChecksAfterEveryCommit() {
        run(new Plan(30_000, 1, 600, 40, 512));
    }

    /** A million operations, the checker every 50 commits. */
    @Test
    void millionOperations() {
        run(new Plan(1_000_000, 50, 4_000, 150, 4096));
    }

    /** Many operations on 1 KiB pages: trees four and five levels deep. */
    @Test
    void manyOperationsOnSmallPages() {
        run(new Plan(300_000, 50, 4_000, 150, 1024));
    }

    /** A map so small that transactions keep meeting its limit: those are aborted and leave no trace. */
    @Test
    void nearTheMapLimit() {
        run(new Plan(60_000, 5, 600, 60, 4096, 3L << 20));
    }

    /** Ten million operations over bigger databases, for a run by hand or in the nightly job. */
    @Test
    @Tag("slow")
    void tenMillionOperations() {
        run(new Plan(10_000_000, 200, 40_000, 400, 4096));
    }

    private void run(Plan plan) {
        new Run(dir, EnvTesting.seed("larch.seed"), plan).execute();
    }

    /**
     * @param operations         operations to run in all
     * @param checkEveryCommits  how often the checker runs
     * @param keySpace           distinct key choices per database (the model holds about half)
     * @param commitsPerRound    commits between a close and reopen of the environment
     * @param pageSize           page size of the environment
     * @param maxSizeBytes       the map's limit; 0 for the default
     */
    private record Plan(long operations, int checkEveryCommits, int keySpace, int commitsPerRound, int pageSize,
            long maxSizeBytes) {
        Plan(long operations, int checkEveryCommits, int keySpace, int commitsPerRound, int pageSize) {
            this(operations, checkEveryCommits, keySpace, commitsPerRound, pageSize, 0);
        }
    }

    private static final class Run {
        private final Path dir;
        private final long seed;
        private final Plan plan;
        private final Random random;
        private final List<ModelDb> dbs = new ArrayList<>();
        private final ModelOperations ops;
        private Env env;
        private long operation;
        private long commits;
        private long mapFulls;
        private Txn pinned;
        private Map<ModelDb, TreeMap<byte[], byte[]>> pinnedCopy;
        private Map<ModelDb, Dbi> pinnedHandles;
        private long pinnedUntil;

        Run(Path dir, long seed, Plan plan) {
            this.dir = dir;
            this.seed = seed;
            this.plan = plan;
            this.random = new Random(seed);
            this.ops = new ModelOperations(random, plan.pageSize);
        }

        void execute() {
            long started = System.nanoTime();
            try {
                int keys = plan.keySpace;
                dbs.add(new ModelDb("plain", EnvTesting.LEXICOGRAPHIC, ops.byteKeys(keys)));
                dbs.add(new ModelDb("reverse", EnvTesting.REVERSE, ops.byteKeys(keys), DbiFlag.REVERSEKEY));
                dbs.add(new ModelDb("integers", EnvTesting.INTEGER, ops.integerKeys(keys), DbiFlag.INTEGERKEY));
                dbs.add(new ModelDb("small", EnvTesting.LEXICOGRAPHIC, ops.byteKeys(Math.max(16, keys / 20))));
                while (operation < plan.operations) {
                    openEnv();
                    for (int i = 0; i < plan.commitsPerRound && operation < plan.operations; i++) {
                        transaction();
                    }
                    closeEnv();
                }
                openEnv();
                verifyAll();
                closeEnv();
            } catch (Throwable e) {
                throw new AssertionError("randomized model test failed: seed=" + seed + " (replay with -Dlarch.seed="
                        + seed + "), operation " + operation + ", after commit " + commits + ": " + e, e);
            }
            System.out.printf("seed=%d: %,d operations, %,d commits, %,d map full in %.1f s%n", seed, operation,
                    commits, mapFulls, (System.nanoTime() - started) / 1e9);
        }

        // ---- rounds ----

        private void openEnv() {
            env = Env.open(dir, EnvConfig.defaults().withPageSize(plan.pageSize).withMaxSizeBytes(plan.maxSizeBytes)
                    .withFlags(EnvFlag.NOSYNC));
            for (ModelDb db : dbs) {
                db.handle = db.exists ? env.openDbi(db.name, db.flags) : null;
            }
            verifyAll();
        }

        private void closeEnv() {
            unpin();
            env.close();
            env = null;
        }

        /**
         * One write transaction of random operations, committed or aborted; with a small map, one
         * that meets the map's limit is aborted. Aborted ones must leave no trace.
         */
        private void transaction() {
            boolean abort = random.nextInt(8) == 0;
            int steps = 1 + random.nextInt(random.nextInt(5) == 0 ? 400 : 40);
            EnvInfo before = env.info();
            boolean committed = false;
            try (Txn txn = env.txnWrite()) {
                forgetLiveCursors();
                createMissing(txn);
                for (int i = 0; i < steps && operation < plan.operations; i++) {
                    ops.step(txn, dbs.get(random.nextInt(dbs.size())));
                    operation++;
                }
                if (!abort) {
                    txn.commit();
                    committed = true;
                }
            } catch (MapFullException full) {
                if (plan.maxSizeBytes == 0) {
                    throw full;
                }
                mapFulls++;
            }
            if (committed) {
                ops.committed();
                commits++;
                afterCommit();
                return;
            }
            ops.rollBack();
            assertEquals(before.lastPage(), env.info().lastPage(), "an abort changed lastPage");
            assertEquals(before.lastTxnId(), env.info().lastTxnId(), "an abort changed the txn id");
        }

        /** Databases dropped earlier come back now and then, created inside this transaction. */
        private void createMissing(Txn txn) {
            for (ModelDb db : dbs) {
                if (!db.exists && random.nextInt(3) == 0) {
                    Dbi before = db.handle;
                    db.handle = env.openDbi(txn, db.name, db.createFlags());
                    db.exists = true;
                    ops.onAbort(() -> {
                        db.exists = false;
                        db.handle = before;
                    });
                }
            }
        }

        private void forgetLiveCursors() {
            for (ModelDb db : dbs) {
                if (db.live != null) {
                    db.live.close();
                }
                db.live = null;
                db.liveKey = null;
            }
        }

        private void afterCommit() {
            try (Txn txn = env.txnRead()) {
                for (ModelDb db : dbs) {
                    if (db.usable()) {
                        assertEquals(db.data.size(), db.handle.stat(txn).entries(), db.name + " entries");
                    }
                }
            }
            if (commits % plan.checkEveryCommits == 0) {
                EnvTesting.check(env);
            }
            if (pinned != null && commits >= pinnedUntil) {
                verifyPinned();
                unpin();
            } else if (pinned == null && random.nextInt(10) == 0) {
                pin();
            }
            if (commits % plan.checkEveryCommits == plan.checkEveryCommits / 2) {
                verifyAll();
            }
        }

        // ---- checks ----

        private void verifyAll() {
            TreeSet<String> expectedNames = new TreeSet<>();
            try (Txn txn = env.txnRead()) {
                for (ModelDb db : dbs) {
                    if (db.usable()) {
                        expectedNames.add(db.name);
                        ops.walkAll(txn, db, true);
                        ops.walkAll(txn, db, false);
                        assertEquals(db.data.size(), db.handle.stat(txn).entries(), db.name + " entries");
                    }
                }
            }
            assertEquals(new ArrayList<>(expectedNames), env.dbiNames(), "named databases");
            EnvTesting.check(env);
        }

        private void pin() {
            pinned = env.txnRead();
            pinnedCopy = new HashMap<>();
            pinnedHandles = new HashMap<>();
            for (ModelDb db : dbs) {
                if (db.usable()) {
                    pinnedCopy.put(db, new TreeMap<>(db.data));
                    pinnedHandles.put(db, db.handle);
                }
            }
            pinnedUntil = commits + 1 + random.nextInt(30);
        }

        /** The pinned reader still sees exactly what was committed when it began. */
        private void verifyPinned() {
            for (var entry : pinnedCopy.entrySet()) {
                ModelDb db = entry.getKey();
                if (!db.exists || db.handle != pinnedHandles.get(db)) {
                    continue;
                }
                TreeMap<byte[], byte[]> seen = EnvTesting.scan(pinned, db.handle, db.order);
                assertTrue(EnvTesting.sameContent(entry.getValue(), seen),
                        () -> db.name + ": a reader's snapshot changed under it");
            }
        }

        private void unpin() {
            if (pinned != null) {
                pinned.close();
                pinned = null;
                pinnedCopy = null;
            }
        }
    }
}
