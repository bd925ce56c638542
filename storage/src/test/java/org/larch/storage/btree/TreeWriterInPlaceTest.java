package org.larch.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.Txn;
import org.larch.storage.tools.Checker;

/**
 * Replacing a value by one of the same size and kind (rewritten where it lies: what keeps a DUPSORT
 * key's nested-tree descriptor cheap to update) or of another size keeps values, entries and pages
 * right. {@link TreeWriter#find} / {@link TreeWriter#putFound} are covered through the DUPSORT tests.
 */
class TreeWriterInPlaceTest {
    @TempDir
    Path directory;

    /** A value of the same size replaces the old one where it lies; entries and pages stay as they were. */
    @Test
    void aSameSizeValueIsRewrittenInPlace() {
        try (Env env = Env.open(directory)) {
            Dbi db = env.openDbi("plain", DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 2_000; i++) {
                    db.put(txn, key(i), new byte[] {1, 2, 3, (byte) i});
                }
                txn.commit();
            }
            try (Txn txn = env.txnWrite()) {
                long leaves = db.stat(txn).leafPages();
                db.put(txn, key(77), new byte[] {9, 9, 9, 9});
                db.put(txn, key(77), new byte[] {8, 8, 8, 8, 8});
                db.put(txn, key(78), new byte[] {7, 7, 7, 7});
                assertEquals(2_000, db.stat(txn).entries());
                assertEquals(leaves, db.stat(txn).leafPages());
                assertArrayEquals(new byte[] {8, 8, 8, 8, 8}, db.get(txn, key(77)));
                assertArrayEquals(new byte[] {7, 7, 7, 7}, db.get(txn, key(78)));
                txn.commit();
            }
            Checker.check(env).assertOk();
            try (Txn txn = env.txnRead()) {
                assertArrayEquals(new byte[] {7, 7, 7, 7}, db.get(txn, key(78)));
                assertArrayEquals(new byte[] {1, 2, 3, 79}, db.get(txn, key(79)));
                assertEquals(4, db.getView(txn, key(80)).byteSize());
                assertEquals(80, db.getView(txn, key(80)).get(ValueLayout.JAVA_BYTE, 3));
            }
        }
    }

    private static byte[] key(int i) {
        return String.format("key%06d", i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
