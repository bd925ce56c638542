package org.larch.storage.dups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.BadValueSizeException;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.KeyExistsException;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;
import org.larch.storage.tools.Checker;

class DupSortOperationsTest {
    @TempDir
    Path directory;

    static byte[] id(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static byte[] text(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void getMultipleReadsAHundredThousandIdsAPageAtATime() {
        try (Env env = Env.open(directory)) {
            Dbi index = env.openDbi("index", DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED);
            try (Txn txn = env.txnWrite()) {
                for (long i = 0; i < 100_000; i++) {
                    index.put(txn, text("objectclass=person"), id(i), PutFlag.APPENDDUP);
                }
                index.put(txn, text("objectclass=top"), id(7));
                txn.commit();
            }
            Checker.check(env).assertOk();
            try (Txn txn = env.txnRead(); Cursor cursor = index.openCursor(txn)) {
                assertTrue(cursor.seek(text("objectclass=person")));
                assertEquals(100_000, cursor.count());
                long expected = 0;
                int batches = 0;
                for (MemorySegment batch = cursor.getMultiple(); batch != null; batch = cursor.nextMultiple()) {
                    batches++;
                    for (long offset = 0; offset < batch.byteSize(); offset += 8) {
                        assertEquals(expected++, batch.asByteBuffer().order(ByteOrder.BIG_ENDIAN).getLong((int) offset));
                    }
                }
                assertEquals(100_000, expected);
                assertTrue(batches > 1 && batches < 1000, "one batch per leaf page: " + batches);
                assertTrue(cursor.nextNoDup());
                assertArrayEquals(text("objectclass=top"), cursor.keyBytes());
            }
        }
    }

    @Test
    void cursorDeleteOfOneValueLandsOnTheNextPair() {
        try (Env env = Env.open(directory)) {
            Dbi db = env.openDbi("d", DbiFlag.CREATE, DbiFlag.DUPSORT);
            try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
                for (String value : List.of("a", "b", "c")) {
                    db.put(txn, text("k1"), text(value));
                }
                db.put(txn, text("k2"), text("z"));
                assertTrue(cursor.seekBoth(text("k1"), text("b")));
                cursor.delete();
                assertTrue(cursor.next());
                assertArrayEquals(text("c"), cursor.valueBytes());
                cursor.delete();
                assertTrue(cursor.next());
                assertArrayEquals(text("k2"), cursor.keyBytes());
                assertTrue(cursor.prev());
                assertArrayEquals(text("a"), cursor.valueBytes());
                assertEquals(1, cursor.count());
                cursor.deleteAllValues();
                assertTrue(cursor.next());
                assertArrayEquals(text("k2"), cursor.keyBytes());
                assertEquals(1, db.stat(txn).entries());
                txn.commit();
            }
            Checker.check(env).assertOk();
        }
    }

    @Test
    void seekBothRangeAndFlagsBehaveAsInLmdb() {
        try (Env env = Env.open(directory)) {
            Dbi db = env.openDbi("d", DbiFlag.CREATE, DbiFlag.DUPSORT);
            try (Txn txn = env.txnWrite()) {
                assertTrue(db.put(txn, text("k"), text("b")));
                assertTrue(db.put(txn, text("k"), text("d")));
                assertTrue(db.put(txn, text("k"), text("d")), "an existing pair is not an error by default");
                assertFalse(db.put(txn, text("k"), text("d"), PutFlag.NODUPDATA));
                assertFalse(db.put(txn, text("k"), text("x"), PutFlag.NOOVERWRITE));
                assertThrows(KeyExistsException.class, () -> db.put(txn, text("k"), text("c"), PutFlag.APPENDDUP));
                assertEquals(2, db.stat(txn).entries());
                try (Cursor cursor = db.openCursor(txn)) {
                    assertTrue(cursor.seekBothRange(text("k"), text("c")));
                    assertArrayEquals(text("d"), cursor.valueBytes());
                    assertFalse(cursor.seekBothRange(text("k"), text("e")));
                    assertFalse(cursor.seekBoth(text("k"), text("c")));
                }
                assertThrows(BadValueSizeException.class, () -> db.put(txn, text("k"), new byte[0]));
                assertTrue(db.delete(txn, text("k"), text("b")));
                assertFalse(db.delete(txn, text("k"), text("b")));
                assertArrayEquals(text("d"), db.get(txn, text("k")));
                txn.commit();
            }
        }
    }

    @Test
    void dupFixedRefusesValuesOfAnotherSize() {
        try (Env env = Env.open(directory)) {
            Dbi db = env.openDbi("d", DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED);
            try (Txn txn = env.txnWrite()) {
                db.put(txn, text("k"), id(1));
                assertThrows(BadValueSizeException.class, () -> db.put(txn, text("k"), text("short")));
            }
        }
    }

    @Test
    void integerDupOrdersLittleEndianNumbersAndDropFreesNestedTrees() {
        try (Env env = Env.open(directory)) {
            Dbi db = env.openDbi("d", DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED, DbiFlag.INTEGERDUP);
            List<Long> numbers = new ArrayList<>();
            try (Txn txn = env.txnWrite()) {
                for (long i = 5000; i > 0; i--) {
                    db.put(txn, text("n"), ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(i * 300).array());
                    numbers.add(i * 300);
                }
                txn.commit();
            }
            try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
                long previous = -1;
                int seen = 0;
                for (boolean more = cursor.first(); more; more = cursor.next()) {
                    long value = cursor.value().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN).getLong(0);
                    assertTrue(value > previous);
                    previous = value;
                    seen++;
                }
                assertEquals(numbers.size(), seen);
            }
            long pagesBefore = env.info().lastPage();
            try (Txn txn = env.txnWrite()) {
                db.drop(txn, false);
                txn.commit();
            }
            Checker.check(env).assertOk();
            try (Txn txn = env.txnRead()) {
                assertNull(db.get(txn, text("n")));
                assertEquals(0, db.stat(txn).entries());
            }
            assertTrue(env.info().lastPage() <= pagesBefore + 2);
        }
    }
}
