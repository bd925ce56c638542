package org.larch.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putGetDeleteAcrossCommitsAndReopen() {
        TreeMap<String, String> model = new TreeMap<>();
        Random random = new Random(1);
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            for (int round = 0; round < 20; round++) {
                try (Txn txn = env.txnWrite()) {
                    for (int i = 0; i < 2000; i++) {
                        String key = "k" + random.nextInt(5000);
                        if (random.nextInt(4) == 0) {
                            db.delete(txn, b(key));
                            model.remove(key);
                        } else {
                            String value = "v" + i + "x".repeat(random.nextInt(random.nextInt(10) == 0 ? 9000 : 100));
                            db.put(txn, b(key), b(value));
                            model.put(key, value);
                        }
                    }
                    txn.commit();
                }
            }
            try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
                var it = model.entrySet().iterator();
                for (boolean more = cursor.first(); more; more = cursor.next()) {
                    var e = it.next();
                    assertEquals(e.getKey(), new String(cursor.keyBytes(), StandardCharsets.UTF_8));
                    assertEquals(e.getValue(), new String(cursor.valueBytes(), StandardCharsets.UTF_8));
                }
                assertFalse(it.hasNext());
                assertEquals(model.size(), db.stat(txn).entries());
            }
        }
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data");
            try (Txn txn = env.txnRead()) {
                for (var e : model.entrySet()) {
                    assertEquals(e.getValue(), new String(db.get(txn, b(e.getKey())), StandardCharsets.UTF_8));
                }
            }
            System.out.println(env.info() + " " + env.dbiNames());
        }
    }
}
