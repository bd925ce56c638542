package org.larch.storage.dups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;
import org.larch.storage.btree.Tree;
import org.larch.storage.btree.TreeCursor;
import org.larch.storage.env.Snapshot;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.tools.Checker;

/**
 * Seeded model test of DUPSORT databases against {@code TreeMap<key, TreeSet<value>>}: values added
 * and removed so that sets cross the single / inline / nested-tree boundaries both ways, cursor walks
 * over pairs and within keys, aborts, child transactions that commit or abort, reopen; the Checker
 * after every commit. Replay a failure with
 * {@code -Dlarch.seed=N}.
 */
class DupSortModelTest {
    private static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

    @TempDir
    Path directory;

    @Test
    void variableSizeValuesAgainstTheModel() {
        run(Long.getLong("larch.seed", 7), false, 60);
    }

    @Test
    void fixedSizeValuesAgainstTheModel() {
        run(Long.getLong("larch.seed", 11), true, 60, 12);
    }

    /** Mostly {@link Dbi#putMultiple}, so that its runs meet every form, appended and interleaved. */
    @Test
    void multiplePutsAgainstTheModel() {
        run(Long.getLong("larch.seed", 13), true, 16, 2);
    }

    private void run(long seed, boolean fixed, int rounds) {
        run(seed, fixed, rounds, 12);
    }

    /** {@code multipleOneIn}: one step in that many (of a DUPFIXED run) is a putMultiple. */
    private void run(long seed, boolean fixed, int rounds, int multipleOneIn) {
        Random random = new Random(seed);
        TreeMap<byte[], TreeSet<byte[]>> model = new TreeMap<>(UNSIGNED);
        DbiFlag[] flags = fixed ? new DbiFlag[] {DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED}
                : new DbiFlag[] {DbiFlag.CREATE, DbiFlag.DUPSORT};
        int op = 0;
        int[] forms = new int[3];
        try {
            for (int round = 0; round < rounds; round++) {
                try (Env env = Env.open(directory, EnvConfig.defaults().withPageSize(round % 2 == 0 ? 4096 : 1024))) {
                    Dbi db = env.openDbi("dups", flags);
                    for (int commit = 0; commit < 5; commit++) {
                        boolean abort = random.nextInt(6) == 0;
                        TreeMap<byte[], TreeSet<byte[]>> working = deepCopy(model);
                        try (Txn txn = env.txnWrite()) {
                            for (int i = 0; i < 75; i++, op++) {
                                step(random, db, txn, working, fixed, multipleOneIn);
                            }
                            if (random.nextInt(3) == 0) {
                                working = child(random, db, txn, working, fixed, multipleOneIn);
                                op += 40;
                            }
                            for (int i = 0; i < 75; i++, op++) {
                                step(random, db, txn, working, fixed, multipleOneIn);
                            }
                            compare(db, txn, working);
                            if (abort) {
                                txn.abort();
                            } else {
                                txn.commit();
                                model = working;
                            }
                        }
                        Checker.check(env).assertOk();
                        try (Txn txn = env.txnRead()) {
                            compare(db, txn, model);
                            countForms(txn, forms);
                        }
                    }
                }
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed=" + seed + " op=" + op + ": " + e, e);
        }
        assertTrue(forms[0] > 0 && forms[1] > 0 && forms[2] > 0,
                "single, inline and nested forms all occur: " + Arrays.toString(forms));
    }

    /**
     * 40 steps in a child transaction of {@code txn}, which then commits or aborts; returns the
     * model of {@code txn} after it (the parent goes on with its writers from before the child).
     */
    private static TreeMap<byte[], TreeSet<byte[]>> child(Random random, Dbi db, Txn txn,
            TreeMap<byte[], TreeSet<byte[]>> working, boolean fixed, int multipleOneIn) {
        TreeMap<byte[], TreeSet<byte[]>> childModel = deepCopy(working);
        boolean commit = random.nextBoolean();
        try (Txn child = txn.beginChild()) {
            for (int i = 0; i < 40; i++) {
                step(random, db, child, childModel, fixed, multipleOneIn);
            }
            compare(db, child, childModel);
            if (commit) {
                child.commit();
            } else {
                child.abort();
            }
        }
        TreeMap<byte[], TreeSet<byte[]>> after = commit ? childModel : working;
        compare(db, txn, after);
        return after;
    }

    /** Counts keys stored as one value, inline values and nested trees. */
    private static void countForms(Txn txn, int[] forms) {
        Snapshot snapshot = txn.snapshotForTools();
        MemorySegment descriptor = new Tree(snapshot.pages(), snapshot.meta().mainDb(), KeyComparator.LEXICOGRAPHIC)
                .get(MemorySegment.ofArray("dups".getBytes(StandardCharsets.UTF_8)));
        TreeCursor cursor = new TreeCursor(snapshot.pages(), DbRecord.decode(descriptor, 0), KeyComparator.LEXICOGRAPHIC);
        for (boolean more = cursor.first(); more; more = cursor.next()) {
            int flags = cursor.nodeFlags();
            forms[(flags & LeafPage.DUPDATA) == 0 ? 0 : (flags & LeafPage.SUBDB) == 0 ? 1 : 2]++;
        }
    }

    private static void step(Random random, Dbi db, Txn txn, TreeMap<byte[], TreeSet<byte[]>> model, boolean fixed,
            int multipleOneIn) {
        byte[] key = key(random, fixed ? 6 : 24);
        byte[] value = value(random, fixed);
        int choice = random.nextInt(10);
        if (fixed && random.nextInt(multipleOneIn) == 0) {
            putMultiple(random, db, txn, model, key);
        } else if (choice < 6) {
            boolean added = model.computeIfAbsent(key, k -> new TreeSet<>(UNSIGNED)).add(value);
            assertEquals(added, db.put(txn, key, value, PutFlag.NODUPDATA));
        } else if (choice < 8) {
            TreeSet<byte[]> values = model.get(key);
            byte[] victim = values != null && random.nextBoolean() ? pick(random, values) : value;
            boolean present = values != null && values.remove(victim);
            if (values != null && values.isEmpty()) {
                model.remove(key);
            }
            assertEquals(present, db.delete(txn, key, victim));
        } else if (choice < 9 && random.nextInt(8) == 0) {
            assertEquals(model.remove(key) != null, db.delete(txn, key));
        } else {
            boolean existed = model.containsKey(key);
            if (!existed) {
                model.computeIfAbsent(key, k -> new TreeSet<>(UNSIGNED)).add(value);
            }
            assertEquals(!existed, db.put(txn, key, value, PutFlag.NOOVERWRITE));
        }
    }

    /**
     * {@link Dbi#putMultiple}: a sorted run of values, half the time all above the key's last value
     * (the append case), otherwise anywhere (some already there).
     */
    private static void putMultiple(Random random, Dbi db, Txn txn, TreeMap<byte[], TreeSet<byte[]>> model, byte[] key) {
        TreeSet<byte[]> run = new TreeSet<>(UNSIGNED);
        TreeSet<byte[]> existing = model.get(key);
        boolean above = existing != null && random.nextBoolean();
        int wanted = 1 + random.nextInt(random.nextInt(4) == 0 ? 400 : 20);
        for (int i = 0; i < wanted; i++) {
            byte[] value = value(random, true);
            if (!above || UNSIGNED.compare(value, existing.last()) > 0) {
                run.add(value);
            }
        }
        if (run.isEmpty()) {
            return;
        }
        byte[] packed = new byte[run.size() * 8];
        int at = 0;
        int expected = 0;
        TreeSet<byte[]> values = model.computeIfAbsent(key, k -> new TreeSet<>(UNSIGNED));
        for (byte[] value : run) {
            System.arraycopy(value, 0, packed, at, 8);
            at += 8;
            expected += values.add(value) ? 1 : 0;
        }
        assertEquals(expected, db.putMultiple(txn, key, packed, 8, run.size()));
    }

    /** Full scans both ways, per-key counts and dup moves, seeks. */
    private static void compare(Dbi db, Txn txn, TreeMap<byte[], TreeSet<byte[]>> model) {
        long pairs = model.values().stream().mapToLong(TreeSet::size).sum();
        assertEquals(pairs, db.stat(txn).entries(), "entries");
        try (Cursor cursor = db.openCursor(txn)) {
            Iterator<Map.Entry<byte[], TreeSet<byte[]>>> keys = model.entrySet().iterator();
            boolean more = cursor.first();
            while (keys.hasNext()) {
                Map.Entry<byte[], TreeSet<byte[]>> entry = keys.next();
                assertTrue(more, "cursor ended early");
                assertArrayEquals(entry.getKey(), cursor.keyBytes());
                assertEquals(entry.getValue().size(), cursor.count(), "count");
                for (byte[] value : entry.getValue()) {
                    assertTrue(more);
                    assertArrayEquals(entry.getKey(), cursor.keyBytes());
                    assertArrayEquals(value, cursor.valueBytes());
                    more = cursor.next();
                }
            }
            assertFalse(more, "cursor has pairs the model has not");
            more = cursor.last();
            for (byte[] key : model.descendingKeySet()) {
                for (byte[] value : model.get(key).descendingSet()) {
                    assertTrue(more);
                    assertArrayEquals(key, cursor.keyBytes());
                    assertArrayEquals(value, cursor.valueBytes());
                    more = cursor.prev();
                }
            }
            assertFalse(more);
            for (Map.Entry<byte[], TreeSet<byte[]>> entry : model.entrySet()) {
                assertTrue(cursor.seek(entry.getKey()));
                assertArrayEquals(entry.getValue().first(), cursor.valueBytes());
                assertArrayEquals(entry.getValue().first(), db.get(txn, entry.getKey()));
                assertTrue(cursor.lastDup());
                assertArrayEquals(entry.getValue().last(), cursor.valueBytes());
                byte[] middle = entry.getValue().toArray(new byte[0][])[entry.getValue().size() / 2];
                assertTrue(cursor.seekBoth(entry.getKey(), middle));
                NavigableSet<byte[]> after = entry.getValue().tailSet(middle, false);
                for (byte[] value : after) {
                    assertTrue(cursor.nextDup());
                    assertArrayEquals(value, cursor.valueBytes());
                }
                assertFalse(cursor.nextDup());
                byte[] nextKey = model.higherKey(entry.getKey());
                if (nextKey != null) {
                    assertTrue(cursor.nextNoDup());
                    assertArrayEquals(nextKey, cursor.keyBytes());
                    assertArrayEquals(model.get(nextKey).first(), cursor.valueBytes());
                }
            }
        }
    }

    private static byte[] key(Random random, int keys) {
        return new byte[] {'k', (byte) random.nextInt(keys)};
    }

    /** Values that make some keys' sets large enough to need a nested tree and small again. */
    private static byte[] value(Random random, boolean fixed) {
        int length = fixed ? 8 : 1 + random.nextInt(random.nextInt(8) == 0 ? 300 : 12);
        byte[] value = new byte[length];
        value[0] = (byte) random.nextInt(256);
        if (length > 1) {
            value[1] = (byte) random.nextInt(200);
        }
        return value;
    }

    private static byte[] pick(Random random, TreeSet<byte[]> values) {
        return values.toArray(new byte[0][])[random.nextInt(values.size())];
    }

    private static TreeMap<byte[], TreeSet<byte[]>> deepCopy(TreeMap<byte[], TreeSet<byte[]>> model) {
        TreeMap<byte[], TreeSet<byte[]>> copy = new TreeMap<>(UNSIGNED);
        model.forEach((key, values) -> copy.put(key, new TreeSet<>(values)));
        return copy;
    }
}
