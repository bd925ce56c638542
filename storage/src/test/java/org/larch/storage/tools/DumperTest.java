package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.NotFoundException;
import org.larch.storage.Txn;

/** What {@link Dumper} writes, byte for byte. */
class DumperTest {
    private static final EnvConfig CONFIG = EnvConfig.defaults().withMaxSizeBytes(16L << 20).withFlags(EnvFlag.NOSYNC);

    @TempDir
    Path directory;

    @Test
    void unnamedDatabaseInHexLeavesOutTheNamedDatabasesNodes() {
        try (Env env = sample()) {
            assertEquals("""
                    VERSION=3
                    format=bytevalue
                    type=btree
                    mapsize=16777216
                    maxreaders=126
                    db_pagesize=4096
                    HEADER=END
                     616c706861
                     31
                     7a
                    \s
                    DATA=END
                    """, dump(env, DumpOptions.unnamed()));
        }
    }

    @Test
    void oneNamedDatabasePrintableWithItsFlags() {
        try (Env env = sample()) {
            assertEquals("""
                    VERSION=3
                    format=print
                    database=numbers
                    type=btree
                    mapsize=16777216
                    maxreaders=126
                    integerkey=1
                    db_pagesize=4096
                    HEADER=END
                     \\02\\00\\00\\00
                     two\\0a
                     \\0a\\00\\00\\00
                     ten\\\\
                    DATA=END
                    """, dump(env, DumpOptions.database("numbers").withPrintable(true)));
        }
    }

    @Test
    void allDatabasesInNameOrderFromOneSnapshot() {
        try (Env env = sample()) {
            String all = dump(env, DumpOptions.all());
            String numbers = dump(env, DumpOptions.database("numbers"));
            String people = dump(env, DumpOptions.database("people"));
            assertEquals(numbers + people, all);
            assertTrue(people.contains("database=people\n") && people.contains("reversekey=1\n"), people);
            try (Txn txn = env.txnRead()) {
                DumpResult result = Dumper.dump(env, txn, new StringWriter(), DumpOptions.all());
                assertEquals(2, result.sections());
                assertEquals(4, result.pairs());
                assertEquals(txn.id(), result.txnId());
            }
        }
    }

    @Test
    void listNamesTheNamedDatabases() {
        try (Env env = sample()) {
            assertEquals(List.of("numbers", "people"), Dumper.list(env));
        }
    }

    @Test
    void missingDatabaseAndNoNamedDatabasesAreClearErrors() {
        try (Env env = Env.open(directory, CONFIG)) {
            NotFoundException none = assertThrows(NotFoundException.class, () -> dump(env, DumpOptions.all()));
            assertTrue(none.getMessage().contains("does not contain named databases"), none.getMessage());
            NotFoundException missing = assertThrows(NotFoundException.class,
                    () -> dump(env, DumpOptions.database("nope")));
            assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
            assertTrue(dump(env, DumpOptions.unnamed()).endsWith("HEADER=END\nDATA=END\n"));
        }
    }

    @Test
    void bigValuesAreDumpedWhole() {
        try (Env env = Env.open(directory, CONFIG)) {
            byte[] big = new byte[100_000];
            big[99_999] = 7;
            env.openDbi(null).put(bytes("big"), big);
            String text = dump(env, DumpOptions.unnamed());
            String valueLine = text.lines().filter(line -> line.length() > 1000).findFirst().orElseThrow();
            assertEquals(1 + 200_000, valueLine.length());
            assertTrue(valueLine.endsWith("0007"));
        }
    }

    /** Unnamed: "alpha"→"1", "z"→"" and two databases; "numbers" INTEGERKEY, "people" REVERSEKEY. */
    private Env sample() {
        Env env = Env.open(directory, CONFIG);
        Dbi main = env.openDbi(null);
        Dbi numbers = env.openDbi("numbers", DbiFlag.CREATE, DbiFlag.INTEGERKEY);
        Dbi people = env.openDbi("people", DbiFlag.CREATE, DbiFlag.REVERSEKEY);
        try (Txn txn = env.txnWrite()) {
            main.put(txn, bytes("alpha"), bytes("1"));
            main.put(txn, bytes("z"), new byte[0]);
            numbers.put(txn, new byte[] {10, 0, 0, 0}, bytes("ten\\"));
            numbers.put(txn, new byte[] {2, 0, 0, 0}, bytes("two\n"));
            people.put(txn, bytes("ab"), bytes("x"));
            people.put(txn, bytes("ba"), bytes("y"));
            txn.commit();
        }
        return env;
    }

    private static String dump(Env env, DumpOptions options) {
        StringWriter out = new StringWriter();
        Dumper.dump(env, out, options);
        return out.toString();
    }
}
