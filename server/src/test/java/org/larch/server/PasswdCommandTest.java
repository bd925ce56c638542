package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.auth.PasswordHashes;

class PasswdCommandTest {
    @TempDir
    Path temp;

    @Test
    void printsASaltedShaHashThatVerifies() {
        CommandRun run = CommandRun.of("passwd", "-s", "secret");
        assertEquals(0, run.exitCode(), run.toString());
        String hash = run.out().strip();
        assertTrue(hash.startsWith("{SSHA}"), hash);
        assertTrue(PasswordHashes.verify(hash.getBytes(StandardCharsets.UTF_8), "secret".getBytes(StandardCharsets.UTF_8)));
        assertTrue(!PasswordHashes.verify(hash.getBytes(StandardCharsets.UTF_8), "Secret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void saltDiffersFromRunToRun() {
        assertNotEquals(CommandRun.of("passwd", "-s", "secret").out(), CommandRun.of("passwd", "-s", "secret").out());
    }

    @Test
    void readsThePasswordFromAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("pw"), "from file\n");
        String hash = CommandRun.of("passwd", "-T", file.toString()).out().strip();
        assertTrue(PasswordHashes.verify(hash.getBytes(StandardCharsets.UTF_8), "from file".getBytes(StandardCharsets.UTF_8)));
    }
}
