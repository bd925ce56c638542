package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.key;

import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child transaction that reaches {@code maxsize} fails alone: once it is aborted its parent goes on
 * exactly where it was, can open further children, and commits a consistent environment.
 */
class NestedMapFullTest {
    private static final long SMALL = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void mapFullInAChildLeavesTheParentUsable() {
        TreeMap<byte[], byte[]> model = new TreeMap<>(EnvTesting.LEXICOGRAPHIC);
        try (Env env = Env.open(dir, EnvConfig.defaults().withMaxSizeBytes(SMALL))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn parent = env.txnWrite()) {
                for (int i = 0; i < 100; i++) {
                    put(db, parent, model, i, 1_000);
                }
                Txn child = parent.beginChild();
                MapFullException full = assertThrows(MapFullException.class, () -> {
                    for (int i = 100; i < 100_000; i++) {
                        db.put(child, key(i), NestedTxnTest.value(i, 1_000));
                    }
                });
                assertTrue(full.getMessage().contains("maxsize"), full.getMessage());
                assertThrows(BadTxnException.class, () -> db.put(child, key(1), new byte[1]),
                        "the child that hit the limit is unusable");
                assertThrows(BadTxnException.class, () -> db.get(parent, key(1)), "and still blocks its parent");
                assertThrows(BadTxnException.class, child::commit, "it cannot commit: the attempt aborts it");

                assertParentHolds(parent, db, model);
                try (Txn second = parent.beginChild()) {
                    for (int i = 100; i < 200; i++) {
                        put(db, second, model, i, 1_000);
                    }
                    second.commit();
                }
                put(db, parent, model, 1_000_000, 10);
                assertParentHolds(parent, db, model);
                parent.commit();
            }
            EnvTesting.check(env);
            assertTrue(env.info().fileSizeBytes() <= SMALL, "the file stays within maxsize");
        }
        try (Env env = Env.open(dir); Txn reader = env.txnRead()) {
            Dbi db = env.openDbi("data");
            assertTrue(EnvTesting.sameContent(model, EnvTesting.scan(reader, db, EnvTesting.LEXICOGRAPHIC)));
        }
    }

    @Test
    void mapFullTwoLevelsDownIsAbortedThereAndTheMiddleChildCommits() {
        TreeMap<byte[], byte[]> model = new TreeMap<>(EnvTesting.LEXICOGRAPHIC);
        try (Env env = Env.open(dir, EnvConfig.defaults().withMaxSizeBytes(SMALL))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn top = env.txnWrite()) {
                for (int i = 0; i < 50; i++) {
                    put(db, top, model, i, 3_000);
                }
                try (Txn middle = top.beginChild()) {
                    for (int i = 0; i < 50; i += 2) {
                        db.delete(middle, key(i));
                        model.remove(key(i));
                    }
                    try (Txn bottom = middle.beginChild()) {
                        assertThrows(MapFullException.class, () -> {
                            for (int i = 1_000; i < 100_000; i++) {
                                db.put(bottom, key(i), NestedTxnTest.value(i, 20_000));
                            }
                        });
                    }
                    assertParentHolds(middle, db, model);
                    put(db, middle, model, 77, 500);
                    middle.commit();
                }
                assertParentHolds(top, db, model);
                top.commit();
            }
            EnvTesting.check(env);
            try (Txn reader = env.txnRead()) {
                assertTrue(EnvTesting.sameContent(model, EnvTesting.scan(reader, db, EnvTesting.LEXICOGRAPHIC)));
            }
        }
    }

    private static void put(Dbi db, Txn txn, TreeMap<byte[], byte[]> model, long number, int size) {
        byte[] value = NestedTxnTest.value(number, size);
        db.put(txn, key(number), value);
        model.put(key(number), value);
    }

    private static void assertParentHolds(Txn txn, Dbi db, TreeMap<byte[], byte[]> model) {
        assertEquals(model.size(), db.stat(txn).entries());
        TreeMap<byte[], byte[]> actual = EnvTesting.scan(txn, db, EnvTesting.LEXICOGRAPHIC);
        assertTrue(EnvTesting.sameContent(model, actual), "the parent holds its own changes, no more");
        byte[] first = model.firstKey();
        assertArrayEquals(model.get(first), db.get(txn, first));
    }
}
