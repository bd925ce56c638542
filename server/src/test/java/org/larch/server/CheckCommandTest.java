package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.Txn;

/** {@code larch check}: the report, and the exit status a script can test. */
class CheckCommandTest {
    @TempDir
    Path directory;

    @Test
    void aSoundEnvironmentReportsOkAndExitsZero() {
        fill(directory);
        CommandRun run = CommandRun.of("check", directory.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(": OK"), run::toString);
        assertTrue(run.out().contains("databases: 2"), run::toString);
    }

    @Test
    void aDamagedPageIsNamedAndExitsOne() throws IOException {
        fill(directory);
        long page = 3;
        try (FileChannel channel = FileChannel.open(directory.resolve(Env.DATA_FILE), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap("garbage".getBytes(StandardCharsets.US_ASCII)), page * 4096 + 2000);
        }
        CommandRun run = CommandRun.of("check", directory.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("problem: "), run::toString);
        assertTrue(run.out().contains("page " + page), run::toString);
    }

    @Test
    void aDirectoryWithoutAnEnvironmentIsAnError() {
        CommandRun run = CommandRun.of("check", directory.resolve("nothing").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("larch check: "), run::toString);
    }

    /** 3000 entries in database "data": pages 2 and up hold its tree. */
    static void fill(Path directory) {
        try (Env env = Env.open(directory, EnvConfig.defaults())) {
            Dbi data = env.openDbi("data", DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 3000; i++) {
                    data.put(txn, ("key" + i).getBytes(StandardCharsets.UTF_8), new byte[50]);
                }
                txn.commit();
            }
        }
    }
}
