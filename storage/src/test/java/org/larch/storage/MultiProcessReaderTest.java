package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.key;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers in other JVMs: the snapshot a reader of another process pins keeps its pages from reuse,
 * {@link Env#readers()} lists it with its pid, and the slot of a reader whose process was killed is
 * cleared ({@link Env#readerCheck()}, on open, before a full table is reported).
 */
class MultiProcessReaderTest {
    private static final int KEYS = 300;
    private static final int VALUE_BYTES = 500;
    private static final int CHURN_COMMITS = 8;

    @TempDir
    Path dir;

    /** The child opens read-only: a read-only process pins snapshots in the shared table too. */
    @Test
    @Timeout(60)
    void aReaderOfAnotherProcessKeepsItsPagesFromReuseUntilItEnds() throws Exception {
        try (Env env = open(dir, 126)) {
            Dbi db = load(env);
            try (ChildJvm child = ChildJvm.start(dir, 126, true)) {
                assertEquals(0, settle(env, db).lastPages(), "with no reader, rewriting reuses pages");
                load(env);
                long snapshot = Long.parseLong(child.ask("hold", "holding")[1]);
                assertEquals(env.info().lastTxnId(), snapshot, "the child pins the parent's last commit");
                assertEquals(List.of(new ReaderInfo(reader(env).slot(), child.pid(), reader(env).ownerId(), snapshot, 0)),
                        env.readers());

                Growth pinned = churn(env, db, 1);
                assertTrue(pinned.lastPages() > 0 && pinned.fileBytes() > 0,
                        "with a reader of another process on an old snapshot, the file grows: " + pinned);
                assertEquals(CHURN_COMMITS, reader(env).lag(), "its lag counts the commits since its snapshot");
                assertEquals(List.of("scanned", Integer.toString(KEYS), "true"),
                        List.of(child.ask("heldScan " + VALUE_BYTES, "scanned")),
                        "no page of the child's snapshot was reused: it reads its values intact");

                child.ask("release", "released");
                assertEquals(List.of(), env.readers());
                Growth released = settle(env, db);
                assertEquals(0, released.lastPages(), "once the reader ended, freed pages are reused: " + released);
            }
            EnvTesting.check(env);
        }
    }

    @Test
    @Timeout(60)
    void aKilledReadersSlotIsClearedByReaderCheckAndReuseResumes() throws Exception {
        try (Env env = open(dir, 126)) {
            Dbi db = load(env);
            assertEquals(0, settle(env, db).lastPages(), "with no reader, rewriting reuses pages");
            long snapshot;
            long childPid;
            try (ChildJvm child = ChildJvm.start(dir)) {
                snapshot = Long.parseLong(child.ask("hold", "holding")[1]);
                childPid = child.pid();
                child.send("sleep");
                child.kill();
            }
            assertEquals(childPid, reader(env).pid(), "a dead reader keeps its slot until checked");
            assertEquals(snapshot, reader(env).snapshotTxnId());
            assertTrue(churn(env, db, 1).lastPages() > 0, "and keeps its snapshot's pages from reuse");

            assertEquals(1, env.readerCheck(), "the slot of the killed process is cleared");
            assertEquals(List.of(), env.readers());
            assertEquals(0, env.readerCheck(), "nothing left to clear");
            Growth afterCheck = settle(env, db);
            assertEquals(0, afterCheck.lastPages(), "reuse resumes: " + afterCheck);
            EnvTesting.check(env);
        }
    }

    @Test
    @Timeout(60)
    void staleSlotsAreClearedWhenAnotherProcessOpens() throws Exception {
        try (Env env = open(dir, 126)) {
            load(env);
        }
        try (ChildJvm keeper = ChildJvm.start(dir); ChildJvm victim = ChildJvm.start(dir)) {
            long kept = Long.parseLong(keeper.ask("hold", "holding")[1]);
            victim.ask("hold", "holding");
            assertEquals("2", keeper.ask("info", "info")[4], "two readers, one per child");
            victim.kill();
            try (Env env = open(dir, 126)) {
                List<ReaderInfo> readers = env.readers();
                assertEquals(1, readers.size(), "the killed child's slot was cleared on open: " + readers);
                assertEquals(keeper.pid(), readers.getFirst().pid());
                assertEquals(kept, readers.getFirst().snapshotTxnId());
                assertEquals(0, env.readerCheck());
            }
        }
    }

    /**
     * The first process to open sets the table's size: the child, configured for more, gets three
     * slots too. A full table names maxreaders; after the child is killed the next reader succeeds,
     * its stale slots cleared on the way.
     */
    @Test
    @Timeout(60)
    void aFullTableNamesMaxreadersAndIsCheckedForStaleSlotsFirst() throws Exception {
        try (Env env = open(dir, 3)) {
            load(env);
            try (ChildJvm child = ChildJvm.start(dir, 126, false)) {
                assertEquals("3", child.ask("info", "info")[3], "the first opener's maxreaders holds for all");
                for (int i = 0; i < 3; i++) {
                    child.ask("hold", "holding");
                }
                ReadersFullException full = assertThrows(ReadersFullException.class, env::txnRead);
                assertTrue(full.getMessage().contains("maxreaders") && full.getMessage().contains("3"),
                        full.getMessage());
                assertEquals(3, env.info().readersUsed());

                child.kill();
                try (Txn txn = env.txnRead()) {
                    assertEquals(env.info().lastTxnId(), txn.id());
                    List<ReaderInfo> readers = env.readers();
                    assertEquals(1, readers.size(), readers.toString());
                    assertEquals(ProcessHandle.current().pid(), readers.getFirst().pid());
                    assertEquals(Thread.currentThread().threadId(), readers.getFirst().ownerId());
                }
            }
        }
    }

    /** How much the data grew: pages in use and file size. */
    private record Growth(long lastPages, long fileBytes) {
    }

    /**
     * Rewrites until the free pages are in steady use (no reader holds any back), then once more: how
     * much that last round grew.
     */
    private static Growth settle(Env env, Dbi db) {
        churn(env, db, 2);
        return churn(env, db, 3);
    }

    /** Rewrites every value {@value #CHURN_COMMITS} times, one commit each, freeing the pages it replaces. */
    private static Growth churn(Env env, Dbi db, int round) {
        EnvInfo before = env.info();
        for (int commit = 0; commit < CHURN_COMMITS; commit++) {
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < KEYS; i++) {
                    db.put(txn, key(i), MultiProcessChild.value(i + round * 1000 + commit, VALUE_BYTES));
                }
                txn.commit();
            }
        }
        EnvInfo after = env.info();
        return new Growth(after.lastPage() - before.lastPage(), after.fileSizeBytes() - before.fileSizeBytes());
    }

    private static Env open(Path dir, int maxReaders) {
        return Env.open(dir, EnvConfig.defaults().withMaxReaders(maxReaders)
                .withGrowStepBytes(MultiProcessChild.GROW_STEP_BYTES));
    }

    private static Dbi load(Env env) {
        Dbi db = env.openDbi(MultiProcessChild.DATABASE, DbiFlag.CREATE);
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < KEYS; i++) {
                db.put(txn, key(i), MultiProcessChild.value(i, VALUE_BYTES));
            }
            txn.commit();
        }
        return db;
    }

    /** The one reader of the environment. */
    private static ReaderInfo reader(Env env) {
        List<ReaderInfo> readers = env.readers();
        assertEquals(1, readers.size(), readers.toString());
        return readers.getFirst();
    }
}
