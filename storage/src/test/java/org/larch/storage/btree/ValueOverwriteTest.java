package org.larch.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.larch.storage.EnvTesting.key;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.EnvTesting;
import org.larch.storage.IncompatibleException;
import org.larch.storage.Stat;
import org.larch.storage.Txn;

/**
 * A put that replaces a value with one of the same length overwrites it where it lies
 * ({@code LeafPage.overwriteInlineValue}); the tree reads exactly as after a remove and insert:
 * the new value, the neighbours untouched, the counts unchanged, in the same and in later
 * transactions, and a key naming a database is still refused as data.
 */
class ValueOverwriteTest {
    @TempDir
    Path dir;

    @Test
    void sameLengthValuesReplaceInPlaceAndNeighboursStay() {
        try (Env env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            Map<Integer, byte[]> model = new TreeMap<>();
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 2_000; i++) {
                    model.put(i, value(i, 0, 100));
                    db.put(txn, key(i), model.get(i));
                }
                txn.commit();
            }
            Stat before;
            try (Txn txn = env.txnRead()) {
                before = db.stat(txn);
            }
            for (int round = 1; round <= 3; round++) {
                try (Txn txn = env.txnWrite()) {
                    for (int i = round; i < 2_000; i += 7) {
                        model.put(i, value(i, round, 100));
                        db.put(txn, key(i), model.get(i));
                        db.put(txn, key(i), model.get(i)); // twice in one transaction: the page is already own
                    }
                    assertArrayEquals(model.get(round), db.get(txn, key(round)), "seen by its own transaction");
                    txn.commit();
                }
            }
            try (Txn txn = env.txnRead()) {
                for (Map.Entry<Integer, byte[]> entry : model.entrySet()) {
                    assertArrayEquals(entry.getValue(), db.get(txn, key(entry.getKey())), "key " + entry.getKey());
                }
                Stat after = db.stat(txn);
                assertEquals(before.entries(), after.entries());
                assertEquals(before.leafPages(), after.leafPages());
                assertEquals(before.depth(), after.depth());
            }
            EnvTesting.check(env);
        }
    }

    @Test
    void otherLengthsAndAbortsStillWork() {
        try (Env env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                db.put(txn, key(1), value(1, 0, 100));
                txn.commit();
            }
            try (Txn txn = env.txnWrite()) {
                db.put(txn, key(1), value(1, 9, 100));
                txn.abort();
            }
            try (Txn txn = env.txnWrite()) {
                assertArrayEquals(value(1, 0, 100), db.get(txn, key(1)), "an aborted overwrite leaves the committed value");
                db.put(txn, key(1), value(1, 1, 30));
                db.put(txn, key(1), value(1, 2, 3000));
                txn.commit();
            }
            try (Txn txn = env.txnRead()) {
                assertArrayEquals(value(1, 2, 3000), db.get(txn, key(1)));
            }
            EnvTesting.check(env);
        }
    }

    @Test
    void aKeyNamingADatabaseIsNotOverwrittenAsData() {
        try (Env env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC))) {
            env.openDbi("sub", DbiFlag.CREATE);
            Dbi main = env.openDbi(null);
            try (Txn txn = env.txnWrite()) {
                byte[] name = "sub".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] record = main.get(txn, name);
                assertThrows(IncompatibleException.class, () -> main.put(txn, name, new byte[record.length]));
            }
        }
    }

    private static byte[] value(int i, int round, int length) {
        byte[] value = new byte[length];
        for (int b = 0; b < length; b++) {
            value[b] = (byte) (i * 13 + round * 101 + b);
        }
        return value;
    }
}
