package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.Txn;

/** {@code larch dump} and {@code larch load}: mdb_dump's and mdb_load's options, files, errors, LMDB itself. */
class DumpLoadCommandTest {
    @TempDir
    Path directory;

    @Test
    void dumpToAFileLoadsIntoANewEnvironmentThatDumpsTheSame() throws IOException {
        Path source = sample("source");
        for (String format : new String[] {"-a", "-ap"}) {
            Path file = directory.resolve("dump" + format + ".txt");
            CommandRun dump = CommandRun.of("dump", format, "-f", file.toString(), source.toString());
            assertEquals(0, dump.exitCode(), dump::toString);
            Path target = directory.resolve("target" + format);
            CommandRun load = CommandRun.of("load", "-f", file.toString(), target.toString());
            assertEquals(0, load.exitCode(), load::toString);
            CommandRun again = CommandRun.of("dump", format, target.toString());
            assertEquals(Files.readString(file), again.out());
        }
    }

    @Test
    void dumpWritesTheUnnamedDatabaseByDefaultAndOneWithDashS() {
        Path source = sample("source");
        CommandRun unnamed = CommandRun.of("dump", "-p", source.toString());
        assertEquals(0, unnamed.exitCode(), unnamed::toString);
        assertTrue(unnamed.out().contains("HEADER=END\n hello\n world\nDATA=END\n"), unnamed::toString);
        CommandRun one = CommandRun.of("dump", "-s", "numbers", source.toString());
        assertTrue(one.out().contains("database=numbers\n") && one.out().contains("integerkey=1\n"), one::toString);
        assertTrue(!one.out().contains("database=people"), one::toString);
    }

    @Test
    void listNamesTheDatabases() {
        CommandRun run = CommandRun.of("dump", "-l", sample("source").toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("numbers\npeople\n", run.out());
    }

    @Test
    void allAndOneDatabaseTogetherAreAUsageError() {
        CommandRun run = CommandRun.of("dump", "-a", "-s", "people", sample("source").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("mutually exclusive"), run::toString);
    }

    @Test
    void dashNNamesTheDataFile() {
        Path source = sample("source");
        CommandRun run = CommandRun.of("dump", "-n", "-s", "people", source.resolve(Env.DATA_FILE).toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("database=people"), run::toString);
        CommandRun wrong = CommandRun.of("dump", "-n", source.toString());
        assertEquals(2, wrong.exitCode(), wrong::toString);
        assertTrue(wrong.err().contains("with -n"), wrong::toString);
    }

    @Test
    void loadPlainTextIntoANamedDatabaseSkippingExistingKeys() throws IOException {
        Path target = sample("target");
        Path text = directory.resolve("pairs.txt");
        Files.writeString(text, "ann\\5c\nnew\ndan\nfirst\\0aline\n");
        CommandRun run = CommandRun.of("load", "-T", "-N", "-s", "people", "-f", text.toString(), target.toString());
        assertEquals(0, run.exitCode(), run::toString);
        try (Env env = Env.open(target, EnvConfig.defaults())) {
            Dbi people = env.openDbi("people");
            assertArrayEquals(bytes("admin"), people.get(bytes("ann\\")), "existing key left alone");
            assertArrayEquals(bytes("first\nline"), people.get(bytes("dan")));
        }
    }

    @Test
    void badInputNamesTheFileAndLineAndExitsOne() throws IOException {
        Path file = directory.resolve("bad.txt");
        Files.writeString(file, "VERSION=3\nformat=bytevalue\ntype=btree\nHEADER=END\n 6162\n 6\nDATA=END\n");
        CommandRun run = CommandRun.of("load", "-f", file.toString(), directory.resolve("target").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("larch load: " + file + ":6: an odd number of hex digits"), run::toString);
    }

    @Test
    void aMissingInputFileIsSaidPlainly() {
        Path missing = directory.resolve("missing.txt");
        CommandRun run = CommandRun.of("load", "-f", missing.toString(), directory.resolve("t").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("larch load: cannot read " + missing + ": no such file\n", run.err());
    }

    @Test
    void appendOfUnsortedInputNamesTheLine() throws IOException {
        Path file = directory.resolve("unsorted.txt");
        Files.writeString(file, "b\n1\na\n2\n");
        CommandRun run = CommandRun.of("load", "-T", "-a", "-f", file.toString(), directory.resolve("t").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains(":4: this pair does not come after"), run::toString);
    }

    @Test
    void lmdbToolsReadOurDumpAndWeReadTheirs() throws Exception {
        assumeTrue(onPath("mdb_load") && onPath("mdb_dump"), "mdb_load/mdb_dump not on PATH (apt-get install lmdb-utils)");
        Path source = sample("source");
        Path file = directory.resolve("ours.txt");
        assertEquals(0, CommandRun.of("dump", "-a", "-f", file.toString(), source.toString()).exitCode());
        Path lmdb = Files.createDirectories(directory.resolve("lmdb"));
        run("mdb_load", "-f", file.toString(), lmdb.toString());
        String theirs = run("mdb_dump", "-a", lmdb.toString());
        assertEquals(Files.readString(file), theirs);
        Path back = directory.resolve("back.txt");
        // "numbers": the backslash in a key of "people" meets mdb_dump 0.9.24's -p bug (written unescaped)
        run("mdb_dump", "-p", "-s", "numbers", "-f", back.toString(), lmdb.toString());
        Path target = directory.resolve("target");
        CommandRun load = CommandRun.of("load", "-f", back.toString(), target.toString());
        assertEquals(0, load.exitCode(), load::toString);
        assertEquals(Files.readString(back), CommandRun.of("dump", "-p", "-s", "numbers", target.toString()).out());
    }

    // ---- helpers ----

    /**
     * Unnamed "hello"→"world"; "people" (plain) ann\→admin, bob→"" and a binary key; "numbers"
     * (INTEGERKEY). The size ceiling is 16 MiB, LMDB's page size 4096.
     */
    private Path sample(String name) {
        Path path = directory.resolve(name);
        try (Env env = Env.open(path, EnvConfig.defaults().withMaxSizeBytes(16L << 20))) {
            Dbi main = env.openDbi(null);
            Dbi people = env.openDbi("people", DbiFlag.CREATE);
            Dbi numbers = env.openDbi("numbers", DbiFlag.CREATE, DbiFlag.INTEGERKEY);
            try (Txn txn = env.txnWrite()) {
                main.put(txn, bytes("hello"), bytes("world"));
                people.put(txn, bytes("ann\\"), bytes("admin"));
                people.put(txn, bytes("bob"), new byte[0]);
                people.put(txn, new byte[] {0, (byte) 0xff, '\n'}, new byte[] {1, 2, 3});
                numbers.put(txn, new byte[] {7, 0, 0, 0}, bytes("seven"));
                numbers.put(txn, new byte[] {0, 1, 0, 0}, bytes("256"));
                txn.commit();
            }
        }
        return path;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String run(String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(directory, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + Files.readString(errors));
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
