package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.Txn;

/** {@code larch copy}: plain and compacted copies that open and check, and the refusal to overwrite. */
class CopyCommandTest {
    @TempDir
    Path directory;

    @Test
    void plainAndCompactCopiesHoldTheDataAndCheckClean() {
        Path source = directory.resolve("source");
        CheckCommandTest.fill(source);
        deleteMost(source);
        CommandRun plain = CommandRun.of("copy", source.toString(), directory.resolve("plain").toString());
        assertEquals(0, plain.exitCode(), plain::toString);
        assertTrue(plain.out().startsWith("copied txn "), plain::toString);
        CommandRun compact = CommandRun.of("copy", "--compact", source.toString(),
                directory.resolve("compact").toString());
        assertEquals(0, compact.exitCode(), compact::toString);
        assertTrue(compact.out().contains("(compacted)"), compact::toString);
        for (String copy : new String[] {"plain", "compact"}) {
            CommandRun check = CommandRun.of("check", directory.resolve(copy).toString());
            assertEquals(0, check.exitCode(), check::toString);
            try (Env env = Env.open(directory.resolve(copy), EnvConfig.defaults())) {
                Dbi data = env.openDbi("data");
                try (Txn txn = env.txnRead()) {
                    assertEquals(300, data.stat(txn).entries());
                    assertEquals(50, data.get(txn, "key10".getBytes(StandardCharsets.UTF_8)).length);
                }
            }
        }
        assertTrue(size(directory.resolve("compact")) < size(directory.resolve("plain")) / 2,
                size(directory.resolve("compact")) + " vs " + size(directory.resolve("plain")));
    }

    @Test
    void aDestinationHoldingAnEnvironmentIsRefused() {
        Path source = directory.resolve("source");
        CheckCommandTest.fill(source);
        CommandRun run = CommandRun.of("copy", source.toString(), source.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("already holds an environment"), run::toString);
    }

    @Test
    void twoOperandsAreNeeded() {
        CommandRun run = CommandRun.of("copy", directory.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("DST"), run::toString);
    }

    private static void deleteMost(Path source) {
        try (Env env = Env.open(source, EnvConfig.defaults())) {
            Dbi data = env.openDbi("data");
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 3000; i++) {
                    if (i % 10 != 0) {
                        data.delete(txn, ("key" + i).getBytes(StandardCharsets.UTF_8));
                    }
                }
                txn.commit();
            }
        }
    }

    private static long size(Path environment) {
        try {
            return Files.size(environment.resolve(Env.DATA_FILE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
