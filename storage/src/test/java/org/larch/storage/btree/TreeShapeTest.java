package org.larch.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.key;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.BadValueSizeException;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.EnvTesting;
import org.larch.storage.PutFlag;
import org.larch.storage.Stat;
import org.larch.storage.Txn;

/**
 * The tree's shape through the public API: it grows in depth as keys come, shrinks back as they go,
 * keeps its page counts true, and enforces the key and value size limits at their exact edges.
 */
class TreeShapeTest {
    @TempDir
    Path dir;

    @Test
    void growsAndShrinksBackToNothing() {
        try (Env env = open(4096)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            int count = 30_000;
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < count; i++) {
                    db.put(txn, key(i), value(i, 40));
                }
                Stat full = db.stat(txn);
                assertEquals(count, full.entries());
                assertEquals(3, full.depth(), "30,000 small entries on 4 KiB pages: " + full);
                txn.commit();
            }
            EnvTesting.check(env);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < count; i++) {
                    if (i % 1_000 != 0) {
                        db.delete(txn, key(i));
                    }
                }
                Stat few = db.stat(txn);
                assertEquals(30, few.entries());
                assertEquals(1, few.depth(), "30 entries fit one leaf after merging: " + few);
                assertEquals(1, few.leafPages());
                assertEquals(0, few.branchPages());
                txn.commit();
            }
            EnvTesting.check(env);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < count; i += 1_000) {
                    db.delete(txn, key(i));
                }
                assertEquals(new Stat(4096, 0, 0, 0, 0, 0), db.stat(txn), "an empty tree has no pages");
                txn.commit();
            }
            EnvTesting.check(env);
        }
    }

    @Test
    void deletingEveryOtherKeyKeepsPagesReasonablyFull() {
        try (Env env = open(4096)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 20_000; i++) {
                    db.put(txn, key(i), value(i, 100));
                }
                txn.commit();
            }
            long leavesBefore;
            try (Txn txn = env.txnRead()) {
                leavesBefore = db.stat(txn).leafPages();
            }
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 20_000; i++) {
                    if (i % 4 != 0) {
                        db.delete(txn, key(i));
                    }
                }
                long leavesAfter = db.stat(txn).leafPages();
                assertTrue(leavesAfter * 2 < leavesBefore,
                        "three quarters gone, pages merged: " + leavesBefore + " -> " + leavesAfter);
                txn.commit();
            }
            EnvTesting.check(env);
        }
    }

    @Test
    void longKeysMakeDeepTrees() {
        try (Env env = open(1024)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            int maxKey = NodeLimits.maxKeySize(1024);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 3_000; i++) {
                    db.put(txn, longKey(i, maxKey), value(i, i % 3 == 0 ? 400 : 10));
                }
                assertTrue(db.stat(txn).depth() >= 5, "two maximal keys per branch page: " + db.stat(txn));
                txn.commit();
            }
            EnvTesting.check(env);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 3_000; i += 2) {
                    db.delete(txn, longKey(i, maxKey));
                }
                for (int i = 1; i < 3_000; i += 2) {
                    assertArrayEquals(value(i, i % 3 == 0 ? 400 : 10), db.get(txn, longKey(i, maxKey)));
                }
                txn.commit();
            }
            EnvTesting.check(env);
        }
    }

    /**
     * Regression: an APPEND split gives the new right branch a single child; deleting that child's
     * keys left an empty leaf under a parent with no other child (nothing to merge with), whose
     * separator was above every key, and the next APPEND of a key above them all was refused.
     */
    @Test
    void deletingTheNewestAppendedKeysLeavesNoEmptyPages() {
        try (Env env = open(512)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            for (int count = 2; count <= 40; count++) {
                try (Txn txn = env.txnWrite()) {
                    db.drop(txn, false);
                    for (int i = 0; i < count; i++) {
                        db.put(txn, longKey(i, 200), value(i, 10), PutFlag.APPEND);
                    }
                    long leavesBefore = db.stat(txn).leafPages();
                    // a leaf holds two of these: the last two keys include the whole last leaf
                    assertTrue(db.delete(txn, longKey(count - 1, 200)));
                    assertTrue(db.delete(txn, longKey(count - 2, 200)));
                    assertTrue(db.stat(txn).leafPages() < leavesBefore, "the emptied last leaf is gone");
                    for (int i = count - 2; i <= count; i++) {
                        db.put(txn, longKey(i, 200), value(i, 10), PutFlag.APPEND);
                    }
                    assertEquals(count + 1, db.stat(txn).entries());
                    txn.commit();
                }
                EnvTesting.check(env);
            }
        }
    }

    @Test
    void keySizeLimitsAtTheirEdges() {
        try (Env env = open(4096)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                assertEquals(511, NodeLimits.maxKeySize(4096), "LMDB's limit on default pages");
                db.put(txn, filled(511, 1), value(1, 10));
                db.put(txn, filled(1, 2), value(2, 10));
                assertThrows(BadValueSizeException.class, () -> db.put(txn, new byte[0], value(3, 1)));
                assertThrows(BadValueSizeException.class, () -> db.put(txn, filled(512, 3), value(3, 1)));
                db.put(txn, filled(10, 4), value(4, 10));
                txn.commit();
            }
            try (Txn txn = env.txnRead()) {
                assertEquals(3, db.stat(txn).entries(), "the refused puts left the transaction usable");
                assertArrayEquals(value(1, 10), db.get(txn, filled(511, 1)));
            }
        }
    }

    @Test
    void valuesAroundTheOverflowThreshold() {
        try (Env env = open(4096)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            byte[] k = key(1);
            int largestInline = largestInlineValue(k.length, 4096);
            try (Txn txn = env.txnWrite()) {
                db.put(txn, key(1), value(1, largestInline));
                assertEquals(0, db.stat(txn).overflowPages(), largestInline + " bytes stay in the leaf");
                db.put(txn, key(2), value(2, largestInline + 1));
                assertEquals(1, db.stat(txn).overflowPages(), (largestInline + 1) + " bytes go to an overflow page");
                db.put(txn, key(3), value(3, 4096 - 32));
                db.put(txn, key(4), value(4, 4096 - 31));
                assertEquals(1 + 1 + 2, db.stat(txn).overflowPages(), "a page's worth after the header, then two");
                txn.commit();
            }
            try (Txn txn = env.txnRead()) {
                assertArrayEquals(value(1, largestInline), db.get(txn, key(1)));
                assertArrayEquals(value(2, largestInline + 1), db.get(txn, key(2)));
                assertArrayEquals(value(3, 4096 - 32), db.get(txn, key(3)));
                assertArrayEquals(value(4, 4096 - 31), db.get(txn, key(4)));
            }
            EnvTesting.check(env);
        }
    }

    private static int largestInlineValue(int keyLength, int pageSize) {
        int value = 0;
        while (!NodeLimits.needsOverflow(keyLength, value + 1, pageSize)) {
            value++;
        }
        return value;
    }

    private Env open(int pageSize) {
        return Env.open(dir, EnvConfig.defaults().withPageSize(pageSize).withFlags(EnvFlag.NOSYNC));
    }

    /** A key of {@code length} bytes whose last 8 bytes carry {@code i} (so keys differ only at the end). */
    private static byte[] longKey(int i, int length) {
        byte[] k = filled(length, 'k');
        System.arraycopy(key(i), 0, k, length - 8, 8);
        return k;
    }

    private static byte[] value(int i, int length) {
        byte[] value = new byte[length];
        for (int b = 0; b < length; b++) {
            value[b] = (byte) (i + b);
        }
        return value;
    }

    private static byte[] filled(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
