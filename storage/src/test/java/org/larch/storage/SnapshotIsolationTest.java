package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;
import static org.larch.storage.EnvTesting.key;

import java.nio.file.Path;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read transaction sees its snapshot exactly, however many commits follow; the pages that snapshot
 * needs are not reused while it lives, and are once it ends.
 */
class SnapshotIsolationTest {
    private static final int KEYS = 1_000;

    @TempDir
    Path dir;

    private final Random random = new Random(20261121);
    private Env env;
    private Dbi db;

    @BeforeEach
    void load() {
        env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC));
        db = env.openDbi("data", DbiFlag.CREATE);
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < KEYS; i++) {
                db.put(txn, key(i), value(i, 0));
            }
            txn.commit();
        }
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void readerKeepsItsSnapshotByteForByteThroughManyCommits() {
        try (Txn reader = env.txnRead()) {
            long snapshotId = reader.id();
            TreeMap<byte[], byte[]> atStart = EnvTesting.scan(reader, db, EnvTesting.LEXICOGRAPHIC);
            assertEquals(KEYS, atStart.size());
            for (int commit = 1; commit <= 300; commit++) {
                mixedCommit(commit);
                if (commit % 50 == 0) {
                    assertTrue(EnvTesting.sameContent(atStart, EnvTesting.scan(reader, db, EnvTesting.LEXICOGRAPHIC)),
                            "the reader's snapshot changed after commit " + commit);
                    assertEquals(snapshotId, reader.id());
                    assertEquals(KEYS, db.stat(reader).entries());
                }
            }
            for (int i = 0; i < KEYS; i += 7) {
                assertArrayEquals(atStart.get(key(i)), db.get(reader, key(i)), "key " + i);
            }
            EnvTesting.check(reader);
        }
        try (Txn fresh = env.txnRead()) {
            assertEquals(env.info().lastTxnId(), fresh.id());
            assertTrue(db.stat(fresh).entries() > KEYS, "the new reader sees the inserts");
        }
        EnvTesting.check(env);
    }

    @Test
    void freedPagesAreNotReusedWhileAReaderLivesAndAreOnceItEnds() {
        steadyLoad(100);
        long quietGrowth = growthUnder(200);

        Txn reader = env.txnRead();
        byte[] seenFirst = db.get(reader, key(0));
        long pinnedGrowth = growthUnder(200);
        assertArrayEquals(seenFirst, db.get(reader, key(0)), "the pinned snapshot still reads its value");
        EnvTesting.check(reader);
        reader.close();

        steadyLoad(20);
        long releasedGrowth = growthUnder(200);

        System.out.printf("lastPage growth over 200 commits: quiet %d, reader pinned %d, after release %d%n",
                quietGrowth, pinnedGrowth, releasedGrowth);
        assertTrue(pinnedGrowth >= 200, "with a snapshot pinned every commit needs new pages: " + pinnedGrowth);
        assertTrue(quietGrowth <= 10, "without readers pages are reused: grew " + quietGrowth);
        assertTrue(releasedGrowth <= 10, "after the reader ended pages are reused: grew " + releasedGrowth);
        EnvTesting.check(env);
    }

    @Test
    void resetReleasesTheSnapshotAndRenewTakesTheNewest() {
        Txn reader = env.txnRead();
        long firstId = reader.id();
        assertArrayEquals(value(5, 0), db.get(reader, key(5)));
        reader.reset();
        assertThrows(BadTxnException.class, () -> db.get(reader, key(5)), "a reset transaction cannot read");
        assertThrows(BadTxnException.class, reader::reset, "reset twice");
        assertEquals(1, env.info().readersUsed(), "a reset reader keeps its slot");

        steadyLoad(20);
        long growthWhileReset = growthUnder(200);
        assertTrue(growthWhileReset <= 10, "a reset reader pins nothing: grew " + growthWhileReset + " pages");

        try (Txn txn = env.txnWrite()) {
            db.put(txn, key(5), bytes("after reset"));
            txn.commit();
        }
        reader.renew();
        assertTrue(reader.id() > firstId);
        assertEquals(env.info().lastTxnId(), reader.id());
        assertArrayEquals(bytes("after reset"), db.get(reader, key(5)));
        assertThrows(BadTxnException.class, reader::renew, "renew needs a reset transaction");
        reader.close();
        assertEquals(0, env.info().readersUsed());

        try (Txn writer = env.txnWrite()) {
            assertThrows(BadTxnException.class, writer::reset);
            assertThrows(BadTxnException.class, writer::renew);
        }
    }

    @Test
    void writerSeesItsOwnChangesAndReadersDoNotUntilCommit() {
        try (Txn writer = env.txnWrite()) {
            db.put(writer, key(1), bytes("changed"));
            db.delete(writer, key(2));
            db.put(writer, key(KEYS + 1), bytes("new"));
            assertArrayEquals(bytes("changed"), db.get(writer, key(1)));
            assertNull(db.get(writer, key(2)));
            try (Txn reader = env.txnRead()) {
                assertArrayEquals(value(1, 0), db.get(reader, key(1)));
                assertArrayEquals(value(2, 0), db.get(reader, key(2)));
                assertNull(db.get(reader, key(KEYS + 1)));
            }
            writer.commit();
        }
        try (Txn reader = env.txnRead()) {
            assertArrayEquals(bytes("changed"), db.get(reader, key(1)));
            assertNull(db.get(reader, key(2)));
            assertArrayEquals(bytes("new"), db.get(reader, key(KEYS + 1)));
        }
    }

    /** Updates, deletes and inserts, with values of every size class, so pages split, merge and move. */
    private void mixedCommit(int commit) {
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < 40; i++) {
                int k = random.nextInt(KEYS * 2);
                if (random.nextInt(4) == 0) {
                    db.delete(txn, key(k));
                } else {
                    db.put(txn, key(k), value(k, commit));
                }
            }
            txn.commit();
        }
    }

    /** Commits that overwrite 20 random keys with values of the same size: the tree's shape stays. */
    private void steadyLoad(int commits) {
        for (int commit = 0; commit < commits; commit++) {
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 20; i++) {
                    int k = random.nextInt(KEYS);
                    db.put(txn, key(k), value(k, commit + 1));
                }
                txn.commit();
            }
        }
    }

    private long growthUnder(int commits) {
        long before = env.info().lastPage();
        steadyLoad(commits);
        return env.info().lastPage() - before;
    }

    /** A value of 10 to 3000 bytes (some go to overflow pages), stamped with the key and a version. */
    private static byte[] value(int key, int version) {
        int length = key % 10 == 0 ? 3000 : 10 + key % 90;
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) (key * 31 + version * 7 + i);
        }
        return value;
    }
}
