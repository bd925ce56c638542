package org.larch.storage.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/** Views handed out by reads can never be written through, in read or write transactions. */
class ReadOnlyViewsTest {
    @TempDir
    Path directory;

    @Test
    void viewsAreReadOnlyInBothKindsOfTransaction() {
        try (Env env = Env.open(directory)) {
            Dbi db = env.openDbi("d", DbiFlag.CREATE);
            db.put(new byte[] {1}, new byte[] {2});
            try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
                assertTrue(db.getView(txn, new byte[] {1}).isReadOnly());
                cursor.first();
                assertTrue(cursor.key().isReadOnly() && cursor.value().isReadOnly());
            }
            try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
                db.put(txn, new byte[] {1}, new byte[] {3});
                assertTrue(db.getView(txn, new byte[] {1}).isReadOnly());
                assertThrows(RuntimeException.class,
                        () -> db.getView(txn, new byte[] {1}).set(ValueLayout.JAVA_BYTE, 0, (byte) 9));
                cursor.first();
                assertTrue(cursor.key().isReadOnly() && cursor.value().isReadOnly());
            }
        }
    }
}
