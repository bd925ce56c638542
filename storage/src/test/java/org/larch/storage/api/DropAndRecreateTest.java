package org.larch.storage.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.NotFoundException;
import org.larch.storage.Txn;
import org.larch.storage.tools.Checker;

/** A database removed and created again in one transaction (and in a child of it). */
class DropAndRecreateTest {
    @TempDir
    Path directory;

    @Test
    void dropThenCreateInOneTransactionGivesAnEmptyDatabase() {
        try (Env env = Env.open(directory)) {
            Dbi db = env.openDbi("d", DbiFlag.CREATE);
            db.put(new byte[] {1}, new byte[] {1});
            try (Txn txn = env.txnWrite()) {
                db.drop(txn, true);
                assertThrows(NotFoundException.class, () -> env.openDbi(txn, "d"));
                Dbi again = env.openDbi(txn, "d", DbiFlag.CREATE);
                assertNull(again.get(txn, new byte[] {1}));
                again.put(txn, new byte[] {2}, new byte[] {2});
                txn.commit();
            }
            assertEquals(List.of("d"), env.dbiNames());
            assertArrayEquals(new byte[] {2}, env.openDbi("d").get(new byte[] {2}));
            Checker.check(env).assertOk();
        }
    }

    @Test
    void aChildRecreatesWhatItsParentDropped() {
        try (Env env = Env.open(directory)) {
            Dbi db = env.openDbi("d", DbiFlag.CREATE);
            db.put(new byte[] {1}, new byte[] {1});
            try (Txn txn = env.txnWrite()) {
                db.drop(txn, true);
                try (Txn child = txn.beginChild()) {
                    env.openDbi(child, "d", DbiFlag.CREATE).put(child, new byte[] {3}, new byte[] {3});
                    child.commit();
                }
                txn.commit();
            }
            assertEquals(List.of("d"), env.dbiNames());
            assertArrayEquals(new byte[] {3}, env.openDbi("d").get(new byte[] {3}));
            assertNull(env.openDbi("d").get(new byte[] {1}));
            Checker.check(env).assertOk();
        }
    }
}
