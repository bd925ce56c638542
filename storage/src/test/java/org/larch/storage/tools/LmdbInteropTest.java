package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.larch.storage.EnvTesting.bytes;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.Txn;

/**
 * Our dump and load against LMDB's own {@code mdb_dump} and {@code mdb_load} (Debian's lmdb-utils,
 * installed by {@code .ci/run}): each side reads what the other writes and writes it back the same,
 * for several named databases with flags, binary keys and values, empty values, big values and
 * sorted duplicates, in both the hex and the printable format.
 *
 * <p>Printable data here holds no backslash: mdb_dump 0.9.24 writes a backslash unescaped with
 * {@code -p} (a bug later LMDB releases fixed), which mdb_load then misreads. Hex data has them.
 */
class LmdbInteropTest {
    private static final EnvConfig CONFIG = EnvConfig.defaults().withMaxSizeBytes(16L << 20).withFlags(EnvFlag.NOSYNC);

    @TempDir
    Path directory;

    @BeforeAll
    static void needsLmdbTools() {
        assumeTrue(onPath("mdb_load") && onPath("mdb_dump"), "mdb_load/mdb_dump not on PATH (apt-get install lmdb-utils)");
    }

    @Test
    void ourHexDumpLoadedByMdbLoadDumpsBackIdenticallyWithMdbDump() throws Exception {
        ourDumpRoundTripsThroughLmdb(false);
    }

    @Test
    void ourPrintableDumpLoadedByMdbLoadDumpsBackIdenticallyWithMdbDump() throws Exception {
        ourDumpRoundTripsThroughLmdb(true);
    }

    @Test
    void whatMdbDumpWritesOurLoadReadsAndOurDumpWritesTheSame() throws Exception {
        for (boolean printable : List.of(false, true)) {
            Path lmdb = Files.createDirectories(directory.resolve("lmdb" + printable));
            run(lmdbInput(new Random(21), !printable).getBytes(StandardCharsets.UTF_8), "mdb_load", lmdb.toString());
            String original = run(null, "mdb_dump", "-a", printable ? "-p" : null, lmdb.toString());
            Path ours = directory.resolve("ours" + printable);
            Loader.load(ours, CONFIG.withMaxSizeBytes(0), input(original), "mdb_dump output", LoadOptions.defaults());
            try (Env env = Env.open(ours, CONFIG.withMaxSizeBytes(0))) {
                Checker.check(env).assertOk();
                assertEquals(original, LoaderTest.dump(env, DumpOptions.all().withPrintable(printable)));
                String one = run(null, "mdb_dump", "-s", "plain", lmdb.toString());
                assertEquals(one, LoaderTest.dump(env, DumpOptions.database("plain")));
            }
        }
    }

    @Test
    void theUnnamedDatabaseAndPlainTextInputMatchToo() throws Exception {
        String text = "alpha\nfirst\nbinary\\00\\ff\\0a\n\nback\\\\slash\nvalue\\5c\n";
        Path lmdb = Files.createDirectories(directory.resolve("lmdb"));
        run(text.getBytes(StandardCharsets.UTF_8), "mdb_load", "-T", lmdb.toString());
        Path ours = directory.resolve("ours");
        Loader.load(ours, CONFIG, input(text), "text", LoadOptions.defaults().withPlainText(true));
        String theirs = run(null, "mdb_dump", lmdb.toString());
        try (Env env = Env.open(ours, CONFIG)) {
            String mine = LoaderTest.dump(env, DumpOptions.unnamed());
            assertEquals(dataLines(theirs), dataLines(mine));
        }
        Path again = directory.resolve("again");
        Loader.load(again, CONFIG, input(theirs), "mdb_dump output", LoadOptions.defaults());
        try (Env env = Env.open(again, CONFIG.withMaxSizeBytes(0))) {
            assertEquals(theirs, LoaderTest.dump(env, DumpOptions.unnamed()));
        }
    }

    // ---- the two directions ----

    private void ourDumpRoundTripsThroughLmdb(boolean printable) throws Exception {
        Path ours = directory.resolve("ours");
        String dump;
        try (Env env = Env.open(ours, CONFIG)) {
            fill(env, new Random(printable ? 3 : 4), !printable);
            dump = LoaderTest.dump(env, DumpOptions.all().withPrintable(printable));
        }
        Path file = directory.resolve("dump.txt");
        Files.writeString(file, dump);
        Path lmdb = Files.createDirectories(directory.resolve("lmdb"));
        run(null, "mdb_load", "-f", file.toString(), lmdb.toString());
        assertEquals(dump, run(null, "mdb_dump", "-a", printable ? "-p" : null, lmdb.toString()));
    }

    /** Named databases: plain binary, INTEGERKEY, REVERSEKEY, DUPSORT and DUPSORT+DUPFIXED. */
    private static void fill(Env env, Random random, boolean backslashes) {
        Dbi plain = env.openDbi("plain", DbiFlag.CREATE);
        Dbi integers = env.openDbi("integers", DbiFlag.CREATE, DbiFlag.INTEGERKEY);
        Dbi reversed = env.openDbi("reversed", DbiFlag.CREATE, DbiFlag.REVERSEKEY);
        Dbi duplicates = env.openDbi("duplicates", DbiFlag.CREATE, DbiFlag.DUPSORT);
        Dbi fixed = env.openDbi("fixed", DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED);
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < 400; i++) {
                plain.put(txn, data(random, 1 + random.nextInt(40), backslashes),
                        data(random, random.nextInt(3) == 0 ? 0 : random.nextInt(80), backslashes));
                integers.put(txn, clean(CopierTest.littleEndian(random.nextInt()), backslashes), data(random, 4, backslashes));
                reversed.put(txn, bytes("key " + i), bytes(i % 5 == 0 ? "" : "value " + i));
                duplicates.put(txn, bytes("member" + random.nextInt(40)), data(random, 1 + random.nextInt(30), backslashes));
                fixed.put(txn, bytes("id" + random.nextInt(20)), clean(CopierTest.littleEndian(random.nextInt(1000)), backslashes));
            }
            plain.put(txn, bytes("big"), data(random, 20_000, backslashes));
            txn.commit();
        }
    }

    /** Input for mdb_load built by hand, unsorted: what LMDB makes of it is the reference. */
    private static String lmdbInput(Random random, boolean backslashes) {
        StringBuilder text = new StringBuilder();
        section(text, "plain", "", random, 300, 1, 60, backslashes);
        section(text, "integers", "integerkey=1\n", random, 200, 4, 8, backslashes);
        section(text, "reversed", "reversekey=1\n", random, 200, 1, 20, backslashes);
        section(text, "duplicates", "duplicates=1\ndupsort=1\n", random, 300, 1, 20, backslashes);
        section(text, "empty", "", random, 0, 1, 1, backslashes);
        return text.toString();
    }

    private static void section(StringBuilder text, String name, String flags, Random random, int pairs, int keyLength,
            int valueLength, boolean backslashes) {
        text.append("VERSION=3\nformat=bytevalue\ndatabase=").append(name)
                .append("\ntype=btree\nmapsize=16777216\nmaxreaders=126\n").append(flags).append("HEADER=END\n");
        boolean integers = name.equals("integers");
        boolean duplicates = flags.contains("dupsort");
        for (int i = 0; i < pairs; i++) {
            byte[] key = duplicates ? bytes("k" + random.nextInt(30))
                    : data(random, integers ? 4 : keyLength + random.nextInt(30), backslashes);
            int length = duplicates ? 1 + random.nextInt(valueLength) : random.nextInt(4) == 0 ? 0 : random.nextInt(valueLength);
            text.append(' ').append(HexFormat.of().formatHex(key)).append("\n ")
                    .append(HexFormat.of().formatHex(data(random, length, backslashes))).append('\n');
        }
        text.append("DATA=END\n");
    }

    // ---- helpers ----

    private static byte[] data(Random random, int length, boolean backslashes) {
        return clean(LoaderTest.randomBytes(random, length), backslashes);
    }

    /** {@code bytes}, with each backslash made a slash unless {@code backslashes}. */
    private static byte[] clean(byte[] bytes, boolean backslashes) {
        for (int i = 0; i < bytes.length && !backslashes; i++) {
            if (bytes[i] == '\\') {
                bytes[i] = '/';
            }
        }
        return bytes;
    }

    private static List<String> dataLines(String dump) {
        return dump.lines().filter(line -> line.startsWith(" ")).toList();
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a command (null arguments left out), feeding it {@code stdin}; returns its output, failing on a non-zero exit. */
    private String run(byte[] stdin, String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>();
        for (String argument : command) {
            if (argument != null) {
                arguments.add(argument);
            }
        }
        Path errors = Files.createTempFile(directory, "stderr", ".txt");
        Process process = new ProcessBuilder(arguments).redirectError(errors.toFile()).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(arguments + " did not finish");
        }
        assertEquals(0, process.exitValue(), arguments + " failed: " + Files.readString(errors));
        return new String(output, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
