package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;
import static org.larch.storage.EnvTesting.key;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child (nested) write transactions: a child sees its parent's changes, commits into its parent
 * (nothing reaches the file before the top-level commit) or aborts alone, leaving the parent exactly
 * as it was; the parent is unusable while a child is open.
 */
class NestedTxnTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void childCommitIsVisibleInParentThenAfterParentCommitAndReopen() {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn parent = env.txnWrite()) {
                db.put(parent, bytes("parent"), bytes("p"));
                try (Txn child = env.txnWrite(parent)) {
                    assertArrayEquals(bytes("p"), db.get(child, bytes("parent")), "the child sees the parent's change");
                    db.put(child, bytes("child"), bytes("c"));
                    db.put(child, bytes("parent"), bytes("p2"));
                    child.commit();
                }
                assertArrayEquals(bytes("c"), db.get(parent, bytes("child")));
                assertArrayEquals(bytes("p2"), db.get(parent, bytes("parent")));
                assertEquals(2, db.stat(parent).entries());
                try (Txn reader = env.txnRead()) {
                    assertNull(db.get(reader, bytes("child")), "nothing is visible before the top-level commit");
                }
                parent.commit();
            }
            try (Txn reader = env.txnRead()) {
                assertArrayEquals(bytes("c"), db.get(reader, bytes("child")));
            }
            EnvTesting.check(env);
        }
        try (Env env = Env.open(dir); Txn reader = env.txnRead()) {
            Dbi db = env.openDbi("data");
            assertArrayEquals(bytes("c"), db.get(reader, bytes("child")));
            assertArrayEquals(bytes("p2"), db.get(reader, bytes("parent")));
        }
    }

    @Test
    void childAbortLeavesTheParentExactlyAsItWas() {
        String committedState;
        try (Env env = Env.open(dir, EnvConfig.defaults().withPageSize(1024))) {
            Dbi first = env.openDbi("first", DbiFlag.CREATE);
            Dbi second = env.openDbi("second", DbiFlag.CREATE);
            Dbi doomed = env.openDbi("doomed", DbiFlag.CREATE);
            Dbi unnamed = env.openDbi((String) null);
            fill(env, first, 0, 2_000, 40);
            fill(env, doomed, 0, 100, 10);
            String parentState;
            try (Txn parent = env.txnWrite()) {
                for (int i = 0; i < 600; i++) {
                    first.put(parent, key(i * 3L), value(i, i % 50 == 0 ? 3_000 : 60));
                    second.put(parent, key(i), value(i, i % 40 == 0 ? 5_000 : 20));
                }
                for (int i = 1_000; i < 1_400; i++) {
                    first.delete(parent, key(i));
                }
                parentState = describe(parent, first, second, doomed);
                try (Txn child = parent.beginChild()) {
                    for (int i = 0; i < 2_000; i += 2) {
                        first.delete(child, key(i));
                    }
                    for (int i = 0; i < 800; i++) {
                        second.put(child, key(i), value(i + 1, i % 30 == 0 ? 7_000 : 90));
                    }
                    doomed.drop(child, true);
                    Dbi born = env.openDbi(child, "born", DbiFlag.CREATE);
                    born.put(child, bytes("k"), bytes("v"));
                    unnamed.put(child, bytes("plain key"), bytes("in the unnamed database"));
                    assertEquals(800, first.stat(child).entries(), "the child's own figures");
                    child.abort();
                }
                assertEquals(parentState, describe(parent, first, second, doomed));
                assertNull(unnamed.get(parent, bytes("plain key")));
                assertThrows(NotFoundException.class, () -> env.openDbi(parent, "born"));
                first.put(parent, bytes("after"), bytes("abort"));
                parent.commit();
            }
            EnvTesting.check(env);
            try (Txn reader = env.txnRead()) {
                committedState = describe(reader, first, second, doomed);
                assertArrayEquals(bytes("abort"), first.get(reader, bytes("after")));
            }
            assertEquals(List.of("doomed", "first", "second"), env.dbiNames());
        }
        try (Env env = Env.open(dir); Txn reader = env.txnRead()) {
            assertEquals(committedState, describe(reader, env.openDbi("first"), env.openDbi("second"),
                    env.openDbi("doomed")));
        }
    }

    /**
     * An aborted child leaves no trace at all: the parent allocates exactly as if the child had never
     * been, so the data file comes out byte for byte the same as without it. The child takes pages from
     * several free-page records (a reader kept them apart); the parent must find them all again.
     */
    @Test
    void abortedChildLeavesTheSameFileAsNoChild() throws IOException {
        byte[] without = runParent(dir.resolve("without"), false);
        byte[] with = runParent(dir.resolve("with"), true);
        assertEquals(without.length, with.length, "file sizes");
        assertArrayEquals(without, with, "the data files");
    }

    @Test
    void threeLevelsDeepWithMixedCommitAndAbort() {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn top = env.txnWrite()) {
                db.put(top, bytes("a"), bytes("top"));
                try (Txn middle = top.beginChild()) {
                    db.put(middle, bytes("b"), bytes("middle"));
                    try (Txn bottom = middle.beginChild()) {
                        db.put(bottom, bytes("c"), bytes("bottom, aborted"));
                        db.delete(bottom, bytes("a"));
                        assertNull(db.get(bottom, bytes("a")));
                        bottom.abort();
                    }
                    assertArrayEquals(bytes("top"), db.get(middle, bytes("a")));
                    try (Txn bottom = middle.beginChild()) {
                        assertArrayEquals(bytes("middle"), db.get(bottom, bytes("b")));
                        db.put(bottom, bytes("d"), bytes("bottom, committed"));
                        db.put(bottom, bytes("a"), bytes("top, changed in bottom"));
                        try (Txn fourth = bottom.beginChild()) {
                            db.put(fourth, bytes("e"), bytes("fourth"));
                            fourth.commit();
                        }
                        bottom.commit();
                    }
                    assertArrayEquals(bytes("fourth"), db.get(middle, bytes("e")));
                    middle.commit();
                }
                try (Txn second = top.beginChild()) {
                    db.put(second, bytes("f"), bytes("aborted sibling"));
                    try (Txn below = second.beginChild()) {
                        db.put(below, bytes("g"), bytes("committed into an aborted parent"));
                        below.commit();
                    }
                    assertArrayEquals(bytes("committed into an aborted parent"), db.get(second, bytes("g")));
                    second.abort();
                }
                top.commit();
            }
            try (Txn reader = env.txnRead()) {
                Map<String, String> expected = new TreeMap<>(Map.of("a", "top, changed in bottom", "b", "middle",
                        "d", "bottom, committed", "e", "fourth"));
                assertEquals(expected, textScan(reader, db));
            }
            EnvTesting.check(env);
        }
    }

    @Test
    void fiftyLevelsDeep() {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn top = env.txnWrite()) {
                java.util.ArrayDeque<Txn> levels = new java.util.ArrayDeque<>();
                levels.push(top);
                for (int depth = 1; depth <= 50; depth++) {
                    Txn child = levels.peek().beginChild();
                    assertEquals(depth - 1, db.stat(child).entries(), "level " + depth + " sees every ancestor's key");
                    db.put(child, key(depth), value(depth, depth * 100));
                    levels.push(child);
                }
                while (levels.size() > 26) {
                    levels.pop().abort();
                }
                while (levels.size() > 1) {
                    levels.pop().commit();
                }
                assertEquals(25, db.stat(top).entries(), "levels 1 to 25 committed, 26 to 50 aborted");
                assertArrayEquals(value(25, 2_500), db.get(top, key(25)));
                assertNull(db.get(top, key(26)));
                top.commit();
            }
            EnvTesting.check(env);
        }
    }

    @Test
    void bigValuesSplitsAndMergesInsideChildren() {
        try (Env env = Env.open(dir, EnvConfig.defaults().withPageSize(512))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            TreeMap<byte[], byte[]> model = new TreeMap<>(EnvTesting.LEXICOGRAPHIC);
            try (Txn parent = env.txnWrite()) {
                for (int i = 0; i < 3_000; i++) {
                    put(db, parent, model, key(i), value(i, i % 100 == 0 ? 2_000 : 30));
                }
                for (int round = 0; round < 6; round++) {
                    TreeMap<byte[], byte[]> childModel = new TreeMap<>(model);
                    try (Txn child = parent.beginChild()) {
                        int from = round * 500;
                        for (int i = from; i < from + 450; i++) {
                            db.delete(child, key(i));
                            childModel.remove(key(i));
                        }
                        for (int i = 0; i < 3_000; i += 7) {
                            put(db, child, childModel, key(i), value(i + round, i % 3 == 0 ? 1_500 + round : 12));
                        }
                        for (int i = 10_000; i < 10_400; i++) {
                            put(db, child, childModel, key(i), value(i, 100));
                        }
                        assertEquals(childModel.size(), db.stat(child).entries());
                        assertTrue(EnvTesting.sameContent(childModel, EnvTesting.scan(child, db,
                                EnvTesting.LEXICOGRAPHIC)), "the child's view in round " + round);
                        if (round % 2 == 0) {
                            child.commit();
                            model = childModel;
                        } else {
                            child.abort();
                        }
                    }
                    assertTrue(EnvTesting.sameContent(model, EnvTesting.scan(parent, db, EnvTesting.LEXICOGRAPHIC)),
                            "the parent's view after round " + round);
                    assertEquals(model.size(), db.stat(parent).entries());
                }
                assertTrue(db.stat(parent).depth() >= 3, "a tree deep enough for splits and merges to matter");
                parent.commit();
            }
            EnvTesting.check(env);
            try (Txn reader = env.txnRead()) {
                assertTrue(EnvTesting.sameContent(model, EnvTesting.scan(reader, db, EnvTesting.LEXICOGRAPHIC)));
            }
        }
    }

    /** Sorted loads keep their place between puts; a child in between must not leave that place stale. */
    @Test
    void appendsInTheParentAroundCommittedAndAbortedChildren() {
        try (Env env = Env.open(dir, EnvConfig.defaults().withPageSize(512))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            TreeMap<byte[], byte[]> model = new TreeMap<>(EnvTesting.LEXICOGRAPHIC);
            try (Txn parent = env.txnWrite()) {
                int next = 0;
                for (int round = 0; round < 8; round++) {
                    for (int i = 0; i < 150; i++, next++) {
                        db.put(parent, key(next), value(next, 20), PutFlag.APPEND);
                        model.put(key(next), value(next, 20));
                    }
                    try (Txn child = parent.beginChild()) {
                        for (int i = 0; i < 150; i++) {
                            db.put(child, key(next + i), value(-next - i, 20), PutFlag.APPEND);
                        }
                        db.delete(child, key(next - 1));
                        if (round % 2 == 0) {
                            child.commit();
                            for (int i = 0; i < 150; i++) {
                                model.put(key(next + i), value(-next - i, 20));
                            }
                            model.remove(key(next - 1));
                            next += 150;
                        } else {
                            child.abort();
                        }
                    }
                }
                assertTrue(EnvTesting.sameContent(model, EnvTesting.scan(parent, db, EnvTesting.LEXICOGRAPHIC)));
                assertEquals(model.size(), db.stat(parent).entries());
                parent.commit();
            }
            EnvTesting.check(env);
            try (Txn reader = env.txnRead()) {
                assertTrue(EnvTesting.sameContent(model, EnvTesting.scan(reader, db, EnvTesting.LEXICOGRAPHIC)));
            }
        }
    }

    @Test
    void parentRefusesEveryOperationWhileAChildIsOpen() {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            fill(env, db, 0, 10, 10);
            Dbi unnamed = env.openDbi((String) null);
            try (Txn parent = env.txnWrite()) {
                db.put(parent, key(100), bytes("before the child"));
                Cursor cursor = db.openCursor(parent);
                assertTrue(cursor.first());
                Txn child = parent.beginChild();
                List<Executable> refused = List.of(
                        () -> db.get(parent, key(1)),
                        () -> db.getView(parent, key(1)),
                        () -> db.put(parent, key(1), bytes("x")),
                        () -> db.delete(parent, key(1)),
                        () -> db.reserve(parent, key(1), 10),
                        () -> db.stat(parent),
                        () -> db.drop(parent, false),
                        () -> db.openCursor(parent),
                        cursor::next,
                        cursor::key,
                        () -> cursor.put(key(2), bytes("y")),
                        cursor::delete,
                        () -> env.openDbi(parent, "another", DbiFlag.CREATE),
                        () -> unnamed.get(parent, bytes("data")),
                        parent::beginChild,
                        () -> env.txnWrite(parent),
                        parent::commit);
                for (Executable operation : refused) {
                    BadTxnException refusal = assertThrows(BadTxnException.class, operation);
                    assertTrue(refusal.getMessage().contains("open child")
                            && refusal.getMessage().contains(child.toString()), refusal.getMessage());
                }
                db.put(child, key(50), bytes("from the child"));
                child.commit();
                assertTrue(cursor.next(), "the parent's cursor works again and finds its place");
                assertArrayEquals(key(1), cursor.keyBytes());
                assertArrayEquals(bytes("from the child"), db.get(parent, key(50)));
                assertArrayEquals(bytes("before the child"), db.get(parent, key(100)));
                assertEquals(12, db.stat(parent).entries());
                parent.commit();
            }
            EnvTesting.check(env);
        }
    }

    @Test
    void parentCursorFindsItsPlaceAfterChildCommitAndKeepsItAfterChildAbort() {
        try (Env env = Env.open(dir, EnvConfig.defaults().withPageSize(512))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn parent = env.txnWrite(); Cursor cursor = db.openCursor(parent)) {
                for (int i = 0; i < 500; i++) {
                    db.put(parent, key(i), value(i, 20));
                }
                assertTrue(cursor.seek(key(250)));
                try (Txn child = parent.beginChild()) {
                    for (int i = 0; i < 500; i += 2) {
                        db.delete(child, key(i));
                    }
                    child.abort();
                }
                assertArrayEquals(key(250), cursor.keyBytes(), "abort changed nothing");
                assertTrue(cursor.next());
                assertArrayEquals(key(251), cursor.keyBytes());
                try (Txn child = parent.beginChild()) {
                    for (int i = 0; i < 500; i += 2) {
                        db.delete(child, key(i));
                    }
                    child.commit();
                }
                assertArrayEquals(key(251), cursor.keyBytes(), "the cursor's key survived the child");
                assertTrue(cursor.next());
                assertArrayEquals(key(253), cursor.keyBytes(), "and the cursor walks the child's tree");
                assertTrue(cursor.seek(key(101)));
                try (Txn child = parent.beginChild()) {
                    db.delete(child, key(101));
                    child.commit();
                }
                assertTrue(cursor.next(), "a cursor whose key the child deleted stands in its gap");
                assertArrayEquals(key(103), cursor.keyBytes());
                parent.commit();
            }
            EnvTesting.check(env);
        }
    }

    @Test
    void childrenThatChangedNothingLeaveNothingToCommit() {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            fill(env, db, 0, 10, 10);
            EnvInfo before = env.info();
            try (Txn parent = env.txnWrite()) {
                try (Txn child = parent.beginChild()) {
                    assertEquals(10, db.stat(child).entries());
                    assertNull(db.get(child, key(99)));
                    assertFalse(db.delete(child, key(99)));
                    child.commit();
                }
                parent.commit();
            }
            assertEquals(before.lastTxnId(), env.info().lastTxnId(), "no new transaction was written");
            assertEquals(before.lastPage(), env.info().lastPage());
        }
    }

    @Test
    void readTransactionsCannotHaveChildren() {
        try (Env env = Env.open(dir); Txn reader = env.txnRead()) {
            assertThrows(BadTxnException.class, reader::beginChild);
            assertThrows(BadTxnException.class, () -> env.txnWrite(reader));
        }
    }

    @Test
    void endedTransactionsCannotHaveChildren() {
        try (Env env = Env.open(dir)) {
            Txn txn = env.txnWrite();
            txn.commit();
            assertThrows(BadTxnException.class, txn::beginChild);
        }
    }

    @Test
    void closingTheParentAbortsOpenChildrenAndFreesTheWriter() throws Exception {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            Txn parent = env.txnWrite();
            db.put(parent, bytes("parent"), bytes("p"));
            Txn child = parent.beginChild();
            db.put(child, bytes("child"), bytes("c"));
            Txn grandchild = child.beginChild();
            db.put(grandchild, bytes("grandchild"), bytes("g"));
            parent.close();
            for (Txn ended : List.of(parent, child, grandchild)) {
                assertThrows(BadTxnException.class, () -> db.get(ended, bytes("parent")));
                assertThrows(BadTxnException.class, ended::commit);
            }
            CompletableFuture<Void> otherWriter = CompletableFuture.runAsync(() -> {
                try (Txn txn = env.txnWrite()) {
                    db.put(txn, bytes("other"), bytes("o"));
                    txn.commit();
                }
            });
            otherWriter.get(10, TimeUnit.SECONDS);
            try (Txn reader = env.txnRead()) {
                assertEquals(Map.of("other", "o"), textScan(reader, db));
            }
        }
    }

    @Test
    void abortingTheTopAbortsEverythingEvenCommittedChildren() {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            long lastPage = env.info().lastPage();
            try (Txn top = env.txnWrite()) {
                try (Txn child = top.beginChild()) {
                    db.put(child, bytes("committed child"), bytes("c"));
                    env.openDbi(child, "created", DbiFlag.CREATE);
                    child.commit();
                }
                Txn open = top.beginChild();
                db.put(open, bytes("open child"), bytes("o"));
                top.abort();
                assertThrows(BadTxnException.class, () -> db.get(open, bytes("open child")));
            }
            try (Txn reader = env.txnRead()) {
                assertEquals(Map.of(), textScan(reader, db));
            }
            assertEquals(lastPage, env.info().lastPage());
            assertEquals(List.of("data"), env.dbiNames());
            assertThrows(NotFoundException.class, () -> env.openDbi("created"), "the created database is forgotten");
        }
    }

    @Test
    void databasesCreatedInACommittedChildAreCreatedWithTheParent() {
        try (Env env = Env.open(dir)) {
            try (Txn parent = env.txnWrite()) {
                try (Txn child = parent.beginChild()) {
                    Dbi made = env.openDbi(child, "made", DbiFlag.CREATE, DbiFlag.REVERSEKEY);
                    made.put(child, bytes("ab"), bytes("1"));
                    made.put(child, bytes("ba"), bytes("2"));
                    child.commit();
                }
                Dbi made = env.openDbi(parent, "made");
                assertEquals(2, made.stat(parent).entries());
                parent.commit();
            }
            assertEquals(List.of("made"), env.dbiNames());
            EnvTesting.check(env);
        }
        try (Env env = Env.open(dir); Txn reader = env.txnRead()) {
            Dbi made = env.openDbi("made", DbiFlag.REVERSEKEY);
            try (Cursor cursor = made.openCursor(reader)) {
                assertTrue(cursor.first());
                assertArrayEquals(bytes("ba"), cursor.keyBytes(), "reverse-key order came along");
            }
        }
    }

    @Test
    void databasesDroppedInAChildComeBackWhenItAbortsAndGoWhenItCommits() {
        try (Env env = Env.open(dir)) {
            Dbi kept = env.openDbi("kept", DbiFlag.CREATE);
            Dbi emptied = env.openDbi("emptied", DbiFlag.CREATE);
            Dbi gone = env.openDbi("gone", DbiFlag.CREATE);
            for (Dbi db : List.of(kept, emptied, gone)) {
                fill(env, db, 0, 300, 50);
            }
            try (Txn parent = env.txnWrite()) {
                try (Txn child = parent.beginChild()) {
                    kept.drop(child, true);
                    assertThrows(NotFoundException.class, () -> kept.get(child, key(1)));
                    child.abort();
                }
                assertEquals(300, kept.stat(parent).entries());
                try (Txn child = parent.beginChild()) {
                    emptied.drop(child, false);
                    gone.drop(child, true);
                    child.commit();
                }
                assertEquals(0, emptied.stat(parent).entries());
                assertThrows(NotFoundException.class, () -> gone.get(parent, key(1)));
                parent.commit();
            }
            assertEquals(List.of("emptied", "kept"), env.dbiNames());
            assertThrows(BadTxnException.class, () -> gone.get(key(1)), "the dropped handle is unusable");
            EnvTesting.check(env);
        }
    }

    // ---- helpers ----

    /** The same top-level transaction, with or without an aborted child in the middle; returns the file. */
    private static byte[] runParent(Path directory, boolean withChild) throws IOException {
        EnvConfig config = EnvConfig.defaults().withPageSize(1024);
        try (Env env = Env.open(directory, config)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            fill(env, db, 0, 3_000, 30);
            try (Txn pinning = env.txnRead()) {
                for (int slice = 0; slice < 6; slice++) {
                    try (Txn txn = env.txnWrite()) {
                        for (int i = slice * 500; i < slice * 500 + 500; i += 3) {
                            db.delete(txn, key(i));
                        }
                        txn.commit();
                    }
                }
            }
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 5; i++) {
                    db.put(txn, key(i * 5L), value(i, 40));
                }
                if (withChild) {
                    try (Txn child = txn.beginChild()) {
                        for (int i = 0; i < 3_000; i++) {
                            db.put(child, key(i), value(i, i % 10 == 0 ? 2_500 : 70));
                        }
                        for (int i = 0; i < 1_000; i++) {
                            db.delete(child, key(i * 2L));
                        }
                        Dbi other = env.openDbi(child, "other", DbiFlag.CREATE);
                        other.put(child, bytes("k"), value(1, 9_000));
                        child.abort();
                    }
                }
                for (int i = 500; i < 900; i++) {
                    db.delete(txn, key(i));
                }
                for (int i = 0; i < 600; i++) {
                    db.put(txn, key(10_000 + i), value(i, i % 10 == 0 ? 3_000 : 100));
                }
                txn.commit();
            }
            EnvTesting.check(env);
        }
        return Files.readAllBytes(directory.resolve(Env.DATA_FILE));
    }

    private static void fill(Env env, Dbi db, int from, int to, int valueSize) {
        try (Txn txn = env.txnWrite()) {
            for (int i = from; i < to; i++) {
                db.put(txn, key(i), value(i, valueSize));
            }
            txn.commit();
        }
    }

    private static void put(Dbi db, Txn txn, TreeMap<byte[], byte[]> model, byte[] key, byte[] value) {
        db.put(txn, key, value);
        model.put(key, value);
    }

    /** Bytes of {@code size} derived from {@code seed}, so different seeds give different values. */
    static byte[] value(long seed, int size) {
        byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
            value[i] = (byte) (seed * 31 + i * 7 + (i >> 8));
        }
        return value;
    }

    /** Every database's figures and content, as text: equal texts mean equal databases. */
    private static String describe(Txn txn, Dbi... dbs) {
        StringBuilder text = new StringBuilder();
        for (Dbi db : dbs) {
            text.append(db.name()).append(' ').append(db.stat(txn)).append('\n');
            try (Cursor cursor = db.openCursor(txn)) {
                for (boolean more = cursor.first(); more; more = cursor.next()) {
                    byte[] value = cursor.valueBytes();
                    text.append(HEX.formatHex(cursor.keyBytes())).append(" = ").append(value.length).append(':')
                            .append(java.util.Arrays.hashCode(value)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static Map<String, String> textScan(Txn txn, Dbi db) {
        Map<String, String> all = new TreeMap<>();
        EnvTesting.scan(txn, db, EnvTesting.LEXICOGRAPHIC)
                .forEach((key, value) -> all.put(EnvTesting.text(key), EnvTesting.text(value)));
        return all;
    }
}
