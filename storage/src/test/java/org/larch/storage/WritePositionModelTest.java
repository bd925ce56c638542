package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random writes shaped to catch a writer that reuses a stale path (btree/WritePosition):
 * ascending runs of puts (the shortcut's case) mixed, inside the same transactions, with random puts,
 * deletes of single keys and of whole stretches (merges), replaced values of other sizes and big ones
 * (overflow runs), puts into a second database in between, DUPFIXED putMultiple over ascending keys,
 * and child transactions that commit or abort. Small pages make splits frequent. Every database is
 * compared with its model after each commit, gets are checked inside the transaction, the checker runs
 * after each commit. A failure names the seed; replay it with {@code -Dlarch.seed=<seed>}.
 */
class WritePositionModelTest {
    private static final int KEY_SPACE = 6_000;

    @TempDir
    Path dir;

    @Test
    void ascendingRunsMixedWithRandomChangesOnSmallPages() {
        new Run(dir, EnvTesting.seed("larch.seed"), 512, 30).execute();
    }

    @Test
    void ascendingRunsMixedWithRandomChangesOnDefaultPages() {
        new Run(dir, EnvTesting.seed("larch.seed"), 4096, 20).execute();
    }

    /** The models of one run: two plain databases and a DUPFIXED one of 8-byte ids. */
    private static final class Models {
        final TreeMap<byte[], byte[]> first = new TreeMap<>(EnvTesting.LEXICOGRAPHIC);
        final TreeMap<byte[], byte[]> second = new TreeMap<>(EnvTesting.LEXICOGRAPHIC);
        final TreeMap<byte[], TreeSet<Long>> dups = new TreeMap<>(EnvTesting.LEXICOGRAPHIC);

        Models copy() {
            Models copy = new Models();
            copy.first.putAll(first);
            copy.second.putAll(second);
            dups.forEach((key, ids) -> copy.dups.put(key, new TreeSet<>(ids)));
            return copy;
        }
    }

    private static final class Run {
        private final Path dir;
        private final long seed;
        private final int pageSize;
        private final int transactions;
        private final Random random;
        private Models models = new Models();
        private Env env;
        private Dbi first;
        private Dbi second;
        private Dbi dups;
        private int transaction;

        Run(Path dir, long seed, int pageSize, int transactions) {
            this.dir = dir;
            this.seed = seed;
            this.pageSize = pageSize;
            this.transactions = transactions;
            this.random = new Random(seed);
        }

        void execute() {
            try {
                env = Env.open(dir, EnvConfig.defaults().withPageSize(pageSize).withFlags(EnvFlag.NOSYNC));
                first = env.openDbi("first", DbiFlag.CREATE);
                second = env.openDbi("second", DbiFlag.CREATE);
                dups = env.openDbi("dups", DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED);
                for (transaction = 0; transaction < transactions; transaction++) {
                    transaction();
                }
                env.close();
            } catch (Throwable e) {
                throw new AssertionError("write position model test failed: seed=" + seed + " (replay with -Dlarch.seed="
                        + seed + "), page size " + pageSize + ", transaction " + transaction + ": " + e, e);
            }
        }

        /** A write transaction of mixed steps, aborted now and then; compared with the model after it. */
        private void transaction() {
            Models before = models.copy();
            boolean abort = random.nextInt(10) == 0;
            try (Txn txn = env.txnWrite()) {
                int steps = 5 + random.nextInt(20);
                for (int i = 0; i < steps; i++) {
                    step(txn);
                }
                if (random.nextInt(3) == 0) {
                    child(txn);
                }
                if (!abort) {
                    txn.commit();
                }
            }
            if (abort) {
                models = before;
            }
            verify();
            EnvTesting.check(env);
        }

        /** A child transaction of a few steps that commits or aborts alone; its parent goes on after it. */
        private void child(Txn parent) {
            Models before = models.copy();
            boolean abort = random.nextBoolean();
            try (Txn child = parent.beginChild()) {
                for (int i = 0; i < 1 + random.nextInt(6); i++) {
                    step(child);
                }
                if (!abort) {
                    child.commit();
                }
            }
            if (abort) {
                models = before;
            }
            for (int i = 0; i < 3; i++) {
                step(parent);
            }
        }

        private void step(Txn txn) {
            int choice = random.nextInt(100);
            boolean toFirst = random.nextBoolean();
            Dbi dbi = toFirst ? first : second;
            TreeMap<byte[], byte[]> model = toFirst ? models.first : models.second;
            if (choice < 35) {
                ascendingRun(txn, dbi, model);
            } else if (choice < 50) {
                put(txn, dbi, model, key(random.nextInt(KEY_SPACE)));
            } else if (choice < 60) {
                deleteOne(txn, dbi, model);
            } else if (choice < 68) {
                deleteStretch(txn, dbi, model);
            } else if (choice < 88) {
                ascendingMultiplePuts(txn);
            } else if (choice < 94) {
                dupPutOrDelete(txn);
            } else {
                checkGets(txn, dbi, model);
            }
        }

        /** Puts with ascending keys from a random start, now and then one into the other database in between. */
        private void ascendingRun(Txn txn, Dbi dbi, TreeMap<byte[], byte[]> model) {
            int number = random.nextInt(KEY_SPACE);
            int length = 1 + random.nextInt(random.nextInt(4) == 0 ? 400 : 40);
            int maxStep = 1 + random.nextInt(4);
            for (int i = 0; i < length && number < KEY_SPACE; i++, number += 1 + random.nextInt(maxStep)) {
                put(txn, dbi, model, key(number));
                if (random.nextInt(15) == 0) {
                    boolean other = dbi == first;
                    put(txn, other ? second : first, other ? models.second : models.first, key(random.nextInt(KEY_SPACE)));
                }
                if (random.nextInt(40) == 0) {
                    deleteOne(txn, dbi, model);
                }
            }
            checkGets(txn, dbi, model);
        }

        private void put(Txn txn, Dbi dbi, TreeMap<byte[], byte[]> model, byte[] key) {
            byte[] value = value();
            if (random.nextInt(10) == 0) {
                boolean stored = dbi.put(txn, key, value, PutFlag.NOOVERWRITE);
                assertEquals(!model.containsKey(key), stored, "NOOVERWRITE put's result");
                model.putIfAbsent(key, value);
                return;
            }
            dbi.put(txn, key, value);
            model.put(key, value);
        }

        private void deleteOne(Txn txn, Dbi dbi, TreeMap<byte[], byte[]> model) {
            byte[] key = key(random.nextInt(KEY_SPACE));
            byte[] existing = model.ceilingKey(key);
            if (existing != null && random.nextBoolean()) {
                key = existing;
            }
            assertEquals(model.remove(key) != null, dbi.delete(txn, key), "delete's result");
        }

        /** Deletes up to a few hundred consecutive keys: leaves empty out and merge. */
        private void deleteStretch(Txn txn, Dbi dbi, TreeMap<byte[], byte[]> model) {
            byte[] from = model.ceilingKey(key(random.nextInt(KEY_SPACE)));
            List<byte[]> doomed = new ArrayList<>();
            for (byte[] key = from; key != null && doomed.size() < 1 + random.nextInt(300); key = model.higherKey(key)) {
                doomed.add(key);
            }
            for (byte[] key : doomed) {
                assertEquals(true, dbi.delete(txn, key), "delete of a present key");
                model.remove(key);
            }
        }

        /** An index batch: putMultiple for ascending keys, each with ascending ids, as an import flushes them. */
        private void ascendingMultiplePuts(Txn txn) {
            int number = random.nextInt(KEY_SPACE);
            int keys = 1 + random.nextInt(random.nextInt(3) == 0 ? 300 : 30);
            for (int i = 0; i < keys && number < KEY_SPACE; i++, number += 1 + random.nextInt(5)) {
                byte[] key = key(number);
                TreeSet<Long> ids = new TreeSet<>();
                int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 700 : 12);
                long base = random.nextInt(5_000);
                while (ids.size() < count) {
                    ids.add(base + random.nextInt(count * 3));
                }
                byte[] packed = new byte[8 * count];
                ByteBuffer buffer = ByteBuffer.wrap(packed);
                ids.forEach(buffer::putLong);
                TreeSet<Long> stored = models.dups.computeIfAbsent(key, k -> new TreeSet<>());
                int expected = stored.size();
                stored.addAll(ids);
                assertEquals(stored.size() - expected, dups.putMultiple(txn, key, packed, 8, count), "ids added");
            }
        }

        private void dupPutOrDelete(Txn txn) {
            byte[] key = key(random.nextInt(KEY_SPACE));
            long id = random.nextInt(5_000);
            int choice = random.nextInt(3);
            if (choice == 0) {
                dups.put(txn, key, id(id));
                models.dups.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
            } else if (choice == 1) {
                TreeSet<Long> ids = models.dups.get(key);
                boolean present = ids != null && ids.remove(id);
                if (ids != null && ids.isEmpty()) {
                    models.dups.remove(key);
                }
                assertEquals(present, dups.delete(txn, key, id(id)), "pair delete's result");
            } else {
                assertEquals(models.dups.remove(key) != null, dups.delete(txn, key), "key delete's result");
            }
        }

        /** Gets inside the write transaction: some present keys, some absent ones. */
        private void checkGets(Txn txn, Dbi dbi, TreeMap<byte[], byte[]> model) {
            for (int i = 0; i < 20; i++) {
                byte[] key = key(random.nextInt(KEY_SPACE));
                byte[] present = model.ceilingKey(key);
                if (present != null && random.nextBoolean()) {
                    key = present;
                }
                byte[] expected = model.get(key);
                if (expected == null) {
                    assertNull(dbi.get(txn, key), "a deleted or never stored key");
                } else {
                    assertArrayEquals(expected, dbi.get(txn, key), "the value of a stored key");
                }
            }
        }

        private void verify() {
            try (Txn txn = env.txnRead()) {
                assertEqualContent(models.first, EnvTesting.scan(txn, first, EnvTesting.LEXICOGRAPHIC), "first");
                assertEqualContent(models.second, EnvTesting.scan(txn, second, EnvTesting.LEXICOGRAPHIC), "second");
                assertEquals(pairs(models.dups), scanPairs(txn), "dups");
            }
        }

        private static void assertEqualContent(TreeMap<byte[], byte[]> expected, TreeMap<byte[], byte[]> seen, String name) {
            assertEquals(expected.size(), seen.size(), name + ": entries");
            assertEquals(true, EnvTesting.sameContent(expected, seen), name + ": content");
        }

        private static List<String> pairs(TreeMap<byte[], TreeSet<Long>> model) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<byte[], TreeSet<Long>> entry : model.entrySet()) {
                String key = new String(entry.getKey(), StandardCharsets.US_ASCII);
                entry.getValue().forEach(id -> pairs.add(key + "=" + id));
            }
            return pairs;
        }

        private List<String> scanPairs(Txn txn) {
            List<String> pairs = new ArrayList<>();
            try (Cursor cursor = dups.openCursor(txn)) {
                for (boolean more = cursor.first(); more; more = cursor.next()) {
                    pairs.add(new String(cursor.keyBytes(), StandardCharsets.US_ASCII) + "="
                            + ByteBuffer.wrap(cursor.valueBytes()).getLong());
                }
            }
            return pairs;
        }

        /**
         * Key {@code number}: seven digits (their first four bytes equal for most keys, so comparisons
         * go past the slots' prefixes) and a suffix of 0 to 8 bytes that depends on the number only.
         */
        private static byte[] key(int number) {
            String suffix = "-x".repeat(number % 5);
            return String.format("%07d%s", number, suffix).getBytes(StandardCharsets.US_ASCII);
        }

        /** Mostly small values of varied length, now and then one that needs an overflow run. */
        private byte[] value() {
            int length = random.nextInt(20) == 0 ? pageSize + random.nextInt(pageSize) : 1 + random.nextInt(pageSize / 16);
            byte[] value = new byte[length];
            random.nextBytes(value);
            return value;
        }

        private static byte[] id(long id) {
            return ByteBuffer.allocate(8).putLong(id).array();
        }
    }
}
