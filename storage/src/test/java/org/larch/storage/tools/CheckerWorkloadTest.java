package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;

/**
 * Seeded mixed workloads, checked after every commit and in every pinned snapshot: readers that come
 * and go (so free pages pile up instead of being reused), aborted transactions, big values
 * overwritten within one transaction, cursor deletes, appends, drops.
 */
class CheckerWorkloadTest {
    @TempDir
    Path directory;

    @ParameterizedTest(name = "page size {0}, seed {1}")
    @CsvSource({"512, 1", "1024, 2", "4096, 3"})
    void mixedWorkWithReadersAndAbortsStaysSound(int pageSize, long seed) {
        Random random = new Random(seed);
        EnvConfig config = EnvConfig.defaults().withPageSize(pageSize).withFlags(EnvFlag.NOSYNC);
        try (Env env = Env.open(directory, config)) {
            List<Dbi> databases = List.of(env.openDbi(null), env.openDbi("one", DbiFlag.CREATE),
                    env.openDbi("two", DbiFlag.CREATE));
            List<Txn> readers = new ArrayList<>();
            for (int commit = 0; commit < 40; commit++) {
                changeReaders(env, readers, random);
                writeOrAbort(env, databases, pageSize, random);
                Checker.check(env).assertOk();
                readers.forEach(reader -> Checker.check(reader).assertOk());
            }
            readers.forEach(Txn::close);
            try (Txn txn = env.txnWrite()) {
                databases.get(1).drop(txn, true);
                databases.get(2).drop(txn, false);
                txn.commit();
            }
            Checker.check(env).assertOk();
        }
    }

    @Test
    void freePageRecordsLongEnoughForOverflowRunsAreChecked() {
        EnvConfig config = EnvConfig.defaults().withPageSize(512).withFlags(EnvFlag.NOSYNC);
        try (Env env = Env.open(directory, config)) {
            Dbi data = env.openDbi("data", DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 3000; i++) {
                    data.put(txn, CheckerTest.bytes(String.format("key%06d", i)), new byte[40], PutFlag.APPEND);
                }
                txn.commit();
            }
            try (Txn reader = env.txnRead()) {
                deleteEveryOtherKey(env, data);
                try (Txn txn = env.txnWrite()) {
                    data.drop(txn, true);
                    txn.commit();
                }
                Checker.check(reader).assertOk();
                CheckReport report = Checker.check(env);
                report.assertOk();
                assertTrue(StatReport.of(env).freeList().tree().overflowPages() > 0, report::toString);
            }
        }
    }

    private static void changeReaders(Env env, List<Txn> readers, Random random) {
        if (random.nextInt(4) == 0) {
            readers.add(env.txnRead());
        }
        if (!readers.isEmpty() && random.nextInt(3) == 0) {
            readers.remove(random.nextInt(readers.size())).close();
        }
    }

    private static void writeOrAbort(Env env, List<Dbi> databases, int pageSize, Random random) {
        try (Txn txn = env.txnWrite()) {
            int changes = random.nextInt(300);
            for (int change = 0; change < changes; change++) {
                Dbi database = databases.get(random.nextInt(databases.size()));
                change(txn, database, CheckerTest.bytes("key" + random.nextInt(400)), pageSize, random);
            }
            if (random.nextInt(10) > 0) {
                txn.commit();
            }
        }
    }

    private static void change(Txn txn, Dbi database, byte[] key, int pageSize, Random random) {
        int kind = random.nextInt(12);
        if (kind < 4) {
            database.delete(txn, key);
        } else if (kind == 11) {
            database.put(txn, key, new byte[pageSize * (2 + random.nextInt(4))]);
            database.put(txn, key, new byte[pageSize + random.nextInt(pageSize)]);
        } else if (kind == 10) {
            database.put(txn, key, new byte[pageSize * (1 + random.nextInt(5))]);
        } else {
            database.put(txn, key, new byte[random.nextInt(pageSize / 4)]);
        }
    }

    private static void deleteEveryOtherKey(Env env, Dbi data) {
        try (Txn txn = env.txnWrite(); Cursor cursor = data.openCursor(txn)) {
            boolean delete = false;
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                if (delete) {
                    cursor.delete();
                }
                delete = !delete;
            }
            txn.commit();
        }
    }
}
