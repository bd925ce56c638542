package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.btree.NodeLimits;

/**
 * Seeded random operations on several named databases at once, each mirrored by a {@link TreeMap}
 * ordered like the database: every read is compared with the model, aborted transactions must leave
 * the model's state, the environment is closed and reopened between rounds. A failure names the seed;
 * replay it with {@code -Dlarch.seed=<seed>}.
 */
class RandomizedModelTest {
    private static final HexFormat HEX = HexFormat.of();

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
     */
    private record Plan(long operations, int checkEveryCommits, int keySpace, int commitsPerRound, int pageSize) {
        int maxKey() {
            return NodeLimits.maxKeySize(pageSize);
        }
    }

    /** One database and its model. */
    private static final class ModelDb {
        final String name;
        final DbiFlag[] flags;
        final Comparator<byte[]> order;
        final byte[][] keys;
        TreeMap<byte[], byte[]> data;
        boolean exists;
        Dbi handle;

        ModelDb(String name, Comparator<byte[]> order, byte[][] keys, DbiFlag... flags) {
            this.name = name;
            this.order = order;
            this.keys = keys;
            this.flags = flags;
            this.data = new TreeMap<>(order);
        }

        DbiFlag[] createFlags() {
            DbiFlag[] all = Arrays.copyOf(flags, flags.length + 1);
            all[flags.length] = DbiFlag.CREATE;
            return all;
        }

        boolean usable() {
            return exists && handle != null;
        }
    }

    private static final class Run {
        private final Path dir;
        private final long seed;
        private final Plan plan;
        private final Random random;
        private final List<ModelDb> dbs = new ArrayList<>();
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private Env env;
        private long operation;
        private long commits;
        private Txn pinned;
        private Map<ModelDb, TreeMap<byte[], byte[]>> pinnedCopy;
        private Map<ModelDb, Dbi> pinnedHandles;
        private long pinnedUntil;

        Run(Path dir, long seed, Plan plan) {
            this.dir = dir;
            this.seed = seed;
            this.plan = plan;
            this.random = new Random(seed);
        }

        void execute() {
            long started = System.nanoTime();
            try {
                dbs.add(new ModelDb("plain", EnvTesting.LEXICOGRAPHIC, byteKeys(plan.keySpace)));
                dbs.add(new ModelDb("reverse", EnvTesting.REVERSE, byteKeys(plan.keySpace), DbiFlag.REVERSEKEY));
                dbs.add(new ModelDb("integers", EnvTesting.INTEGER, integerKeys(plan.keySpace), DbiFlag.INTEGERKEY));
                dbs.add(new ModelDb("small", EnvTesting.LEXICOGRAPHIC, byteKeys(Math.max(16, plan.keySpace / 20))));
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
            System.out.printf("seed=%d: %,d operations, %,d commits in %.1f s%n", seed, operation, commits,
                    (System.nanoTime() - started) / 1e9);
        }

        // ---- rounds ----

        private void openEnv() {
            env = Env.open(dir, EnvConfig.defaults().withPageSize(plan.pageSize).withFlags(EnvFlag.NOSYNC));
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

        private void transaction() {
            boolean abort = random.nextInt(8) == 0;
            int steps = 1 + random.nextInt(random.nextInt(5) == 0 ? 400 : 40);
            long lastPageBefore = env.info().lastPage();
            long txnIdBefore = env.info().lastTxnId();
            try (Txn txn = env.txnWrite()) {
                createMissing(txn);
                for (int i = 0; i < steps && operation < plan.operations; i++) {
                    step(txn);
                    operation++;
                }
                if (abort) {
                    txn.abort();
                    rollBack();
                    assertEquals(lastPageBefore, env.info().lastPage(), "abort changed lastPage");
                    assertEquals(txnIdBefore, env.info().lastTxnId(), "abort changed the txn id");
                } else {
                    txn.commit();
                    undo.clear();
                    commits++;
                    afterCommit();
                }
            }
        }

        /** Databases dropped earlier come back now and then, created inside this transaction. */
        private void createMissing(Txn txn) {
            for (ModelDb db : dbs) {
                if (!db.exists && random.nextInt(3) == 0) {
                    Dbi before = db.handle;
                    db.handle = env.openDbi(txn, db.name, db.createFlags());
                    db.exists = true;
                    undo.push(() -> {
                        db.exists = false;
                        db.handle = before;
                    });
                }
            }
        }

        private void rollBack() {
            while (!undo.isEmpty()) {
                undo.pop().run();
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
            if (random.nextInt(50) == 0) {
                verifyAll();
            }
        }

        // ---- one random operation ----

        private void step(Txn txn) {
            ModelDb db = dbs.get(random.nextInt(dbs.size()));
            if (!db.usable()) {
                return;
            }
            int choice = random.nextInt(1000);
            if (choice < 350) {
                put(txn, db);
            } else if (choice < 440) {
                putNoOverwrite(txn, db);
            } else if (choice < 600) {
                delete(txn, db);
            } else if (choice < 700) {
                get(txn, db);
            } else if (choice < 800) {
                seekAndWalk(txn, db);
            } else if (choice < 850) {
                seekExact(txn, db);
            } else if (choice < 900) {
                cursorDelete(txn, db);
            } else if (choice < 930) {
                reserve(txn, db);
            } else if (choice < 965) {
                append(txn, db);
            } else if (choice < 970) {
                appendOutOfOrder(txn, db);
            } else if (choice < 998) {
                walkAll(txn, db, random.nextBoolean());
            } else {
                drop(txn, db);
            }
        }

        private void put(Txn txn, ModelDb db) {
            byte[] key = randomKey(db);
            byte[] value = randomValue();
            assertTrue(db.handle.put(txn, key, value));
            remember(db, key, value);
        }

        private void putNoOverwrite(Txn txn, ModelDb db) {
            byte[] key = randomKey(db);
            byte[] value = randomValue();
            boolean absent = !db.data.containsKey(key);
            assertEquals(absent, db.handle.put(txn, key, value, PutFlag.NOOVERWRITE),
                    () -> db.name + ": NOOVERWRITE put of " + HEX.formatHex(key));
            if (absent) {
                remember(db, key, value);
            }
        }

        private void delete(Txn txn, ModelDb db) {
            byte[] key = random.nextBoolean() || db.data.isEmpty() ? randomKey(db) : presentKey(db);
            boolean present = db.data.containsKey(key);
            assertEquals(present, db.handle.delete(txn, key), () -> db.name + ": delete of " + HEX.formatHex(key));
            if (present) {
                remember(db, key, null);
            }
        }

        private void get(Txn txn, ModelDb db) {
            byte[] key = randomKey(db);
            assertValue(db.data.get(key), db.handle.getView(txn, key), db, key);
        }

        /** seekRange at a random key, then a few steps forward or back, each compared with the model. */
        private void seekAndWalk(Txn txn, ModelDb db) {
            byte[] key = randomKey(db);
            try (Cursor cursor = db.handle.openCursor(txn)) {
                byte[] expected = db.data.ceilingKey(key);
                assertEquals(expected != null, cursor.seekRange(key), () -> db.name + ": seekRange " + HEX.formatHex(key));
                if (expected == null) {
                    return;
                }
                assertAt(cursor, db, expected);
                boolean forward = random.nextBoolean();
                for (int i = random.nextInt(30); i > 0; i--) {
                    byte[] next = forward ? db.data.higherKey(expected) : db.data.lowerKey(expected);
                    boolean moved = forward ? cursor.next() : cursor.prev();
                    assertEquals(next != null, moved, "cursor step result");
                    if (next == null) {
                        assertAt(cursor, db, expected);
                        return;
                    }
                    expected = next;
                    assertAt(cursor, db, expected);
                }
            }
        }

        private void seekExact(Txn txn, ModelDb db) {
            byte[] key = random.nextBoolean() || db.data.isEmpty() ? randomKey(db) : presentKey(db);
            try (Cursor cursor = db.handle.openCursor(txn)) {
                boolean present = db.data.containsKey(key);
                assertEquals(present, cursor.seek(key), () -> db.name + ": seek " + HEX.formatHex(key));
                if (present) {
                    assertAt(cursor, db, key);
                }
            }
        }

        /** Deletes at a cursor; next() must then give the following key, prev() the preceding one. */
        private void cursorDelete(Txn txn, ModelDb db) {
            if (db.data.isEmpty()) {
                return;
            }
            byte[] key = presentKey(db);
            try (Cursor cursor = db.handle.openCursor(txn)) {
                assertTrue(cursor.seek(key));
                byte[] after = db.data.higherKey(key);
                byte[] before = db.data.lowerKey(key);
                cursor.delete();
                remember(db, key, null);
                boolean forward = random.nextBoolean();
                byte[] expected = forward ? after : before;
                assertEquals(expected != null, forward ? cursor.next() : cursor.prev(), "step after delete");
                if (expected != null) {
                    assertAt(cursor, db, expected);
                }
            }
        }

        private void reserve(Txn txn, ModelDb db) {
            byte[] key = randomKey(db);
            byte[] value = randomValue();
            MemorySegment area = db.handle.reserve(txn, key, value.length);
            assertEquals(value.length, area.byteSize(), "reserved size");
            MemorySegment.copy(MemorySegment.ofArray(value), 0, area, 0, value.length);
            remember(db, key, value);
        }

        /** An APPEND put of a key just above the greatest one. */
        private void append(Txn txn, ModelDb db) {
            byte[] key = db.data.isEmpty() ? randomKey(db) : successor(db, db.data.lastKey());
            if (key == null) {
                return;
            }
            byte[] value = randomValue();
            assertTrue(db.handle.put(txn, key, value, PutFlag.APPEND));
            remember(db, key, value);
        }

        /** An APPEND put of a key that is not the greatest must fail and change nothing. */
        private void appendOutOfOrder(Txn txn, ModelDb db) {
            if (db.data.isEmpty()) {
                return;
            }
            byte[] key = random.nextBoolean() ? db.data.firstKey() : presentKey(db);
            assertThrows(KeyExistsException.class, () -> db.handle.put(txn, key, randomValue(), PutFlag.APPEND));
            assertValue(db.data.get(key), db.handle.getView(txn, key), db, key);
        }

        private void drop(Txn txn, ModelDb db) {
            TreeMap<byte[], byte[]> before = db.data;
            Dbi handle = db.handle;
            boolean delete = random.nextBoolean();
            db.handle.drop(txn, delete);
            db.data = new TreeMap<>(db.order);
            if (delete) {
                db.exists = false;
            }
            undo.push(() -> {
                db.data = before;
                db.exists = true;
                db.handle = handle;
            });
            if (!delete) {
                assertEquals(0, db.handle.stat(txn).entries());
                try (Cursor cursor = db.handle.openCursor(txn)) {
                    assertFalse(cursor.first());
                }
            }
        }

        // ---- checks ----

        private void walkAll(Txn txn, ModelDb db, boolean forward) {
            try (Cursor cursor = db.handle.openCursor(txn)) {
                var expected = (forward ? db.data.navigableKeySet() : db.data.descendingKeySet()).iterator();
                for (boolean more = forward ? cursor.first() : cursor.last(); more;
                        more = forward ? cursor.next() : cursor.prev()) {
                    assertTrue(expected.hasNext(), () -> db.name + ": cursor walk found more keys than the model");
                    assertAt(cursor, db, expected.next());
                }
                assertFalse(expected.hasNext(), () -> db.name + ": cursor walk ended before the model");
            }
        }

        private void verifyAll() {
            TreeSet<String> expectedNames = new TreeSet<>();
            try (Txn txn = env.txnRead()) {
                for (ModelDb db : dbs) {
                    if (db.usable()) {
                        expectedNames.add(db.name);
                        walkAll(txn, db, true);
                        walkAll(txn, db, false);
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

        private void assertAt(Cursor cursor, ModelDb db, byte[] key) {
            MemorySegment actualKey = cursor.key();
            if (actualKey.mismatch(MemorySegment.ofArray(key)) != -1) {
                fail(db.name + ": cursor at key " + HEX.formatHex(EnvTesting.copy(actualKey)) + ", expected "
                        + HEX.formatHex(key));
            }
            assertValue(db.data.get(key), cursor.value(), db, key);
        }

        private static void assertValue(byte[] expected, MemorySegment actual, ModelDb db, byte[] key) {
            if (expected == null) {
                assertNull(actual, () -> db.name + ": key " + HEX.formatHex(key) + " should be absent");
                return;
            }
            if (actual == null) {
                fail(db.name + ": key " + HEX.formatHex(key) + " is missing");
            }
            if (actual.mismatch(MemorySegment.ofArray(expected)) != -1) {
                assertArrayEquals(expected, EnvTesting.copy(actual), () -> db.name + ": value of key "
                        + HEX.formatHex(key));
            }
        }

        // ---- model changes, undone on abort ----

        private void remember(ModelDb db, byte[] key, byte[] value) {
            TreeMap<byte[], byte[]> data = db.data;
            byte[] previous = value == null ? data.remove(key) : data.put(key, value);
            undo.push(() -> {
                if (previous == null) {
                    data.remove(key);
                } else {
                    data.put(key, previous);
                }
            });
        }

        // ---- keys and values ----

        private byte[] randomKey(ModelDb db) {
            return db.keys[random.nextInt(db.keys.length)];
        }

        private byte[] presentKey(ModelDb db) {
            byte[] probe = randomKey(db);
            byte[] key = db.data.ceilingKey(probe);
            return key != null ? key : db.data.firstKey();
        }

        /** A key just above {@code last} in the database's order, or null when none is handy. */
        private byte[] successor(ModelDb db, byte[] last) {
            if (db.order == EnvTesting.INTEGER) {
                byte[] next = last.clone();
                for (int i = 0; i < next.length; i++) {
                    if (++next[i] != 0) {
                        return next;
                    }
                }
                return null;
            }
            if (last.length >= plan.maxKey()) {
                return null;
            }
            byte[] next = new byte[last.length + 1];
            if (db.order == EnvTesting.REVERSE) {
                System.arraycopy(last, 0, next, 1, last.length);
            } else {
                System.arraycopy(last, 0, next, 0, last.length);
            }
            return next;
        }

        private byte[][] byteKeys(int count) {
            byte[][] keys = new byte[count][];
            for (int i = 0; i < count; i++) {
                int kind = random.nextInt(100);
                int length = kind < 70 ? 1 + random.nextInt(12)
                        : kind < 95 ? 13 + random.nextInt(52) : 65 + random.nextInt(plan.maxKey() - 64);
                keys[i] = new byte[length];
                random.nextBytes(keys[i]);
                if (random.nextInt(4) == 0) {
                    keys[i][0] = (byte) 'k';
                }
            }
            return keys;
        }

        private byte[][] integerKeys(int count) {
            byte[][] keys = new byte[count][];
            for (int i = 0; i < count; i++) {
                keys[i] = new byte[random.nextInt(4) == 0 ? 4 : 8];
                long number = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(count * 4);
                for (int b = 0; b < keys[i].length; b++) {
                    keys[i][b] = (byte) (number >>> (8 * b));
                }
            }
            return keys;
        }

        private byte[] randomValue() {
            int kind = random.nextInt(100);
            int length = kind < 10 ? 0
                    : kind < 65 ? 1 + random.nextInt(64)
                    : kind < 88 ? 65 + random.nextInt(1000)
                    : kind < 96 ? 1000 + random.nextInt(1100)
                    : 2000 + random.nextInt(5 * plan.pageSize);
            byte[] value = new byte[length];
            random.nextBytes(value);
            return value;
        }
    }
}
