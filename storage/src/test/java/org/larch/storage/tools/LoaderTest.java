package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.Txn;

/** {@link Loader}: round trips with {@link Dumper}, mdb_load's options, and errors that name the line. */
class LoaderTest {
    private static final EnvConfig CONFIG = EnvConfig.defaults().withFlags(EnvFlag.NOSYNC);
    private static final String HEADER = "VERSION=3\nformat=bytevalue\ntype=btree\nHEADER=END\n";
    private static final String PRINT_HEADER = "VERSION=3\nformat=print\ntype=btree\nHEADER=END\n";

    @TempDir
    Path directory;

    @Test
    void dumpLoadDumpIsTheSameTextForRandomBinaryDataInBothFormats() {
        for (boolean printable : List.of(false, true)) {
            Path source = directory.resolve("source" + printable);
            Path target = directory.resolve("target" + printable);
            String first;
            Map<String, List<String>> content;
            try (Env env = Env.open(source, CONFIG)) {
                fillRandomly(env, new Random(printable ? 1 : 2));
                first = dump(env, DumpOptions.all().withPrintable(printable));
                try (Txn txn = env.txnRead()) {
                    content = CopierTest.scanAll(env, txn);
                }
            }
            LoadResult result = Loader.load(target, CONFIG, input(first), "test", LoadOptions.defaults());
            assertEquals(3, result.sections());
            try (Env env = Env.open(target, CONFIG)) {
                assertEquals(first, dump(env, DumpOptions.all().withPrintable(printable)));
                Checker.check(env).assertOk();
                try (Txn txn = env.txnRead()) {
                    Map<String, List<String>> loaded = CopierTest.scanAll(env, txn);
                    content.get("").clear();
                    CopierTest.assertSameContent(content, loaded);
                }
            }
        }
    }

    @Test
    void aNewEnvironmentTakesPageSizeMapSizeAndReadersFromTheFirstHeader() {
        String text = "VERSION=3\nformat=bytevalue\ntype=btree\nmapsize=33554432\nmaxreaders=50\n"
                + "db_pagesize=8192\nHEADER=END\n 6b\n 76\nDATA=END\n";
        Loader.load(directory, CONFIG, input(text), "test", LoadOptions.defaults());
        try (Env env = Env.open(directory, CONFIG)) {
            assertEquals(8192, env.info().pageSize());
            assertEquals(33554432, env.info().maxSizeBytes());
            assertArrayEquals(bytes("v"), env.openDbi(null).get(bytes("k")));
        }
        Loader.load(directory, CONFIG, input(text.replace("8192", "1024").replace("33554432", "1048576")), "again",
                LoadOptions.defaults());
        try (Env env = Env.open(directory, CONFIG)) {
            assertEquals(8192, env.info().pageSize(), "an existing environment keeps its page size");
            assertEquals(33554432, env.info().maxSizeBytes(), "and its size ceiling");
        }
    }

    @Test
    void overwritesByDefaultAndSkipsExistingKeysWithNoOverwrite() {
        try (Env env = Env.open(directory, CONFIG)) {
            Dbi main = env.openDbi(null);
            main.put(bytes("a"), bytes("old"));
            LoadResult skipping = load(env, HEADER + " 61\n 6e6577\n 62\n 62\nDATA=END\n",
                    LoadOptions.defaults().withNoOverwrite(true));
            assertEquals(1, skipping.stored());
            assertEquals(1, skipping.skipped());
            assertArrayEquals(bytes("old"), main.get(bytes("a")));
            LoadResult overwriting = load(env, HEADER + " 61\n 6e6577\nDATA=END\n", LoadOptions.defaults());
            assertEquals(1, overwriting.stored());
            assertArrayEquals(bytes("new"), main.get(bytes("a")));
        }
    }

    @Test
    void appendFillsPagesAndRejectsOutOfOrderInputNamingTheLine() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            text.append(' ').append(hex(String.format("key%06d", i))).append("\n ").append(hex("v")).append('\n');
        }
        text.append("DATA=END\n");
        try (Env env = Env.open(directory, CONFIG)) {
            load(env, text.toString(), LoadOptions.defaults().withAppend(true));
            try (Txn txn = env.txnRead()) {
                var stat = env.openDbi(null).stat(txn);
                assertEquals(5000, stat.entries());
                long perPage = (4096 - 32) / (8 + 9 + 1 + 6);
                assertEquals((5000 + perPage - 1) / perPage, stat.leafPages(), "full leaves");
            }
            String late = HEADER + " " + hex("zz") + "\n 00\n " + hex("key000001") + "\n 01\nDATA=END\n";
            DumpFormatException error = assertThrows(DumpFormatException.class,
                    () -> load(env, late, LoadOptions.defaults().withAppend(true)));
            assertEquals(8, error.lineNumber());
            assertTrue(error.getMessage().startsWith("test:8: "), error.getMessage());
            assertTrue(error.getMessage().contains("-a (append)"), error.getMessage());
            LoadResult skipped = load(env, HEADER + " " + hex("key000001") + "\n 01\n " + hex("zzz")
                    + "\n 02\nDATA=END\n", LoadOptions.defaults().withAppend(true).withNoOverwrite(true));
            assertEquals(1, skipped.skipped());
            assertEquals(1, skipped.stored());
            assertArrayEquals(bytes("v"), env.openDbi(null).get(bytes("key000001")));
        }
    }

    @Test
    void plainTextAlternatesKeyAndValueLines() {
        try (Env env = Env.open(directory, CONFIG)) {
            LoadResult result = load(env, "key1\nval1\nk\\5cb\\\\\\0a\nv\\00\nempty\n\n",
                    LoadOptions.defaults().withPlainText(true));
            assertEquals(3, result.stored());
            Dbi main = env.openDbi(null);
            assertArrayEquals(bytes("val1"), main.get(bytes("key1")));
            assertArrayEquals(new byte[] {'v', 0}, main.get(bytes("k\\b\\\n")));
            assertArrayEquals(new byte[0], main.get(bytes("empty")));
            DumpFormatException odd = assertThrows(DumpFormatException.class,
                    () -> load(env, "a\nb\nc\n", LoadOptions.defaults().withPlainText(true)));
            assertEquals(3, odd.lineNumber());
            assertTrue(odd.getMessage().contains("a key without a value"), odd.getMessage());
        }
    }

    @Test
    void theDatabaseOptionOverridesTheHeaders() {
        try (Env env = Env.open(directory, CONFIG)) {
            load(env, "VERSION=3\nformat=bytevalue\ndatabase=a\ntype=btree\nHEADER=END\n 6b\n 76\nDATA=END\n",
                    LoadOptions.defaults().withDatabase("b"));
            assertEquals(List.of("b"), env.dbiNames());
            load(env, "x\ny\n", LoadOptions.defaults().withPlainText(true).withDatabase("c"));
            assertArrayEquals(bytes("y"), env.openDbi("c").get(bytes("x")));
        }
    }

    @Test
    void headerFlagsCreateTheDatabaseWithThem() {
        try (Env env = Env.open(directory, CONFIG)) {
            load(env, "VERSION=3\nformat=bytevalue\ndatabase=n\ntype=btree\nintegerkey=1\nreversekey=0\n"
                    + "db_pagesize=4096\nHEADER=END\n 02000000\n 62\n 01000000\n 61\nDATA=END\n", LoadOptions.defaults());
            try (Txn txn = env.txnRead()) {
                assertEquals(DbiFlag.INTEGERKEY.bits, DatabaseCatalog.find(txn, "n").flags());
            }
            assertTrue(dump(env, DumpOptions.database("n")).contains(" 01000000\n 61\n 02000000\n 62\n"));
        }
    }

    @Test
    void unknownKeywordsAreWarnedAboutAndSkipped() {
        try (Env env = Env.open(directory, CONFIG)) {
            LoadResult result = load(env, "VERSION=3\nformat=bytevalue\ncolour=blue\ntype=btree\nHEADER=END\n"
                    + "DATA=END\n", LoadOptions.defaults());
            assertEquals(List.of("test:3: unrecognized keyword ignored: colour"), result.warnings());
        }
    }

    @Test
    void emptyInputLoadsNothing() {
        try (Env env = Env.open(directory, CONFIG)) {
            assertEquals(0, load(env, "", LoadOptions.defaults()).sections());
        }
    }

    @Test
    void badInputIsAnErrorNamingTheLine() {
        assertBad(HEADER + " 616\n 62\nDATA=END\n", 5, "odd number of hex digits");
        assertBad(HEADER + " 61\n 6x\nDATA=END\n", 6, "column 3: 'x' is not a hex digit");
        assertBad(PRINT_HEADER + " a\\q0\n b\nDATA=END\n", 5, "column 3: a backslash must be followed");
        assertBad(HEADER + " 61\n 62\n", 6, "ends before DATA=END");
        assertBad(HEADER + " 61\nDATA=END\n", 6, "a key without a value");
        assertBad(HEADER + " 61\n 62\nDATA=ENDED\n", 7, "expected a data line");
        assertBad(HEADER + "61\n62\nDATA=END\n", 5, "expected a data line");
        assertBad("VERSION=3\nformat=xml\nHEADER=END\nDATA=END\n", 2, "unsupported format 'xml'");
        assertBad("VERSION=4\nHEADER=END\nDATA=END\n", 1, "unsupported VERSION 4");
        assertBad("VERSION=3\ntype=hash\nHEADER=END\nDATA=END\n", 2, "unsupported type 'hash'");
        assertBad("VERSION=3\nformat=bytevalue\n", 2, "ends inside a header");
        assertBad("VERSION=3\nno equals sign\nHEADER=END\n", 2, "keyword=value");
        assertBad("hello\n", 1, "starts with VERSION=3");
        assertBad("VERSION=3\nmapsize=lots\nHEADER=END\nDATA=END\n", 2, "invalid mapsize 'lots'");
        assertBad("VERSION=3\nintegerkey=1\nHEADER=END\nDATA=END\n", 3, "the unnamed database takes no flags");
        assertBad(HEADER + " 61\n 62\nDATA=END\n" + HEADER + " 63\n", 12, "a key without a value at the end");
        assertBad(HEADER + " 61\n 62\nDATA=END\n" + HEADER + " 63\n 64\n", 13, "ends before DATA=END");
    }

    @Test
    void storedPairsBeforeABadLineStayAsMdbLoadLeavesThem() {
        try (Env env = Env.open(directory, CONFIG)) {
            assertThrows(DumpFormatException.class,
                    () -> Loader.load(env, input(HEADER + " 61\n 62\nDATA=END\n" + HEADER + " 6\n"), "test",
                            LoadOptions.defaults(), 1));
            assertArrayEquals(bytes("b"), env.openDbi(null).get(bytes("a")));
        }
    }

    @Test
    void incompatibleFlagsOfAnExistingDatabaseNameTheHeader() {
        try (Env env = Env.open(directory, CONFIG)) {
            env.openDbi("n", DbiFlag.CREATE);
            DumpFormatException error = assertThrows(DumpFormatException.class, () -> load(env,
                    "VERSION=3\nformat=bytevalue\ndatabase=n\ntype=btree\nintegerkey=1\nHEADER=END\nDATA=END\n",
                    LoadOptions.defaults()));
            assertEquals(6, error.lineNumber());
            assertTrue(error.getMessage().contains("cannot open database 'n'"), error.getMessage());
        }
    }

    @Test
    void smallBatchesCommitAlongTheWayAndLoadEverything() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 2000; i++) {
            text.append(' ').append(hex("k" + i)).append("\n ").append(hex("value " + i)).append('\n');
        }
        text.append("DATA=END\n");
        try (Env env = Env.open(directory, CONFIG)) {
            long before = env.info().lastTxnId();
            Loader.load(env, input(text.toString()), "test", LoadOptions.defaults(), 1000);
            assertTrue(env.info().lastTxnId() - before > 20, "committed in batches");
            assertEquals(2000, env.stat().entries());
            Checker.check(env).assertOk();
        }
    }

    @Test
    void windowsLineEndsInControlLinesAreAccepted() {
        try (Env env = Env.open(directory, CONFIG)) {
            load(env, "VERSION=3\r\nformat=bytevalue\r\ntype=btree\r\nHEADER=END\r\n 61\n 62\nDATA=END\r\n",
                    LoadOptions.defaults());
            assertArrayEquals(bytes("b"), env.openDbi(null).get(bytes("a")));
            assertNull(env.openDbi(null).get(bytes("c")));
        }
    }

    @Test
    void sortedDuplicatesDumpOnePairPerValueAndLoadBack() {
        String text = "VERSION=3\nformat=print\ndatabase=groups\ntype=btree\nmapsize=16777216\nmaxreaders=126\n"
                + "duplicates=1\ndupsort=1\ndb_pagesize=4096\nHEADER=END\n"
                + " admins\n ann\n admins\n bob\n admins\n cid\n users\n dan\nDATA=END\n";
        Path first = directory.resolve("first");
        Loader.load(first, CONFIG, input(text), "test", LoadOptions.defaults());
        try (Env env = Env.open(first, CONFIG)) {
            assertEquals(text, dump(env, DumpOptions.all().withPrintable(true)));
            try (Txn txn = env.txnRead(); var cursor = env.openDbi(txn, "groups").openCursor(txn)) {
                assertTrue(cursor.seek(bytes("admins")));
                assertEquals(3, cursor.count());
            }
            Checker.check(env).assertOk();
        }
    }

    @Test
    void noOverwriteInADupSortDatabaseSkipsOnlyExistingPairs() {
        try (Env env = Env.open(directory, CONFIG)) {
            Dbi groups = env.openDbi("groups", DbiFlag.CREATE, DbiFlag.DUPSORT);
            try (Txn txn = env.txnWrite()) {
                groups.put(txn, bytes("admins"), bytes("ann"));
                txn.commit();
            }
            LoadResult result = load(env, "admins\nann\nadmins\nbob\n",
                    LoadOptions.defaults().withPlainText(true).withDatabase("groups").withNoOverwrite(true));
            assertEquals(1, result.stored());
            assertEquals(1, result.skipped());
            try (Txn txn = env.txnRead()) {
                assertEquals(List.of(hex("admins") + " " + hex("ann"), hex("admins") + " " + hex("bob")),
                        CopierTest.pairs(txn, groups));
            }
        }
    }

    @Test
    void appendInADupSortDatabaseTakesValuesInOrderAndNamesTheFirstOutOfOrderOne() {
        try (Env env = Env.open(directory, CONFIG)) {
            env.openDbi("groups", DbiFlag.CREATE, DbiFlag.DUPSORT);
            LoadOptions append = LoadOptions.defaults().withPlainText(true).withDatabase("groups").withAppend(true);
            assertEquals(3, load(env, "a\n1\na\n2\nb\n1\n", append).stored());
            DumpFormatException error = assertThrows(DumpFormatException.class,
                    () -> load(env, "b\n3\nb\n2\n", append));
            assertEquals(4, error.lineNumber());
            LoadResult skipped = load(env, "b\n1\nb\n4\n", append.withNoOverwrite(true));
            assertEquals(1, skipped.skipped());
            assertEquals(1, skipped.stored());
        }
    }

    // ---- helpers ----

    private void assertBad(String text, long line, String reason) {
        Path env = directory.resolve("bad" + Integer.toHexString(text.hashCode()));
        DumpFormatException error = assertThrows(DumpFormatException.class,
                () -> Loader.load(env, CONFIG, input(text), "dump.txt", LoadOptions.defaults()), text);
        assertTrue(error.getMessage().startsWith("dump.txt:" + line + ": "), error.getMessage());
        assertEquals(line, error.lineNumber());
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }

    /** Unnamed data, and three named databases with flags, binary keys, empty values, backslashes. */
    static void fillRandomly(Env env, Random random) {
        Dbi main = env.openDbi(null);
        Dbi binary = env.openDbi("binary", DbiFlag.CREATE);
        Dbi integers = env.openDbi("integers", DbiFlag.CREATE, DbiFlag.INTEGERKEY);
        Dbi reversed = env.openDbi("reversed \\ name", DbiFlag.CREATE, DbiFlag.REVERSEKEY);
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < 300; i++) {
                main.put(txn, bytes("main" + i), bytes("m"));
                binary.put(txn, randomBytes(random, 1 + random.nextInt(30)), randomBytes(random, random.nextInt(60)));
                integers.put(txn, CopierTest.littleEndian(random.nextInt()), new byte[0]);
                reversed.put(txn, bytes("key\\" + i + "\n"), bytes(i % 7 == 0 ? "" : "value \\ " + i));
            }
            binary.put(txn, new byte[] {'\\'}, new byte[6000]);
            txn.commit();
        }
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static LoadResult load(Env env, String text, LoadOptions options) {
        return Loader.load(env, input(text), "test", options);
    }

    static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String dump(Env env, DumpOptions options) {
        StringWriter out = new StringWriter();
        Dumper.dump(env, out, options);
        return out.toString();
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
