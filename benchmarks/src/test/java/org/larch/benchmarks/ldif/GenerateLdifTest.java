package org.larch.benchmarks.ldif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateLdifTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void writesTheGeneratorsFileToOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("people.ldif");

        assertEquals(0, run("--entries", "250", "--seed", "9", "--out", file.toString()));

        assertArrayEquals(PersonLdifGeneratorTest.generate(250, 9), Files.readAllBytes(file));
        assertEquals(0, stdout.size());
        assertTrue(errors().contains("362 entries (250 persons, seed 9)"), errors());
    }

    @Test
    void writesToStandardOutputWithTheDefaultSeed() throws Exception {
        assertEquals(0, run("--entries", "20"));

        assertArrayEquals(PersonLdifGeneratorTest.generate(20, PersonLdifGenerator.DEFAULT_SEED), stdout.toByteArray());
    }

    @Test
    void refusesAMissingCountABadNumberAndAnUnknownOption() throws Exception {
        assertEquals(2, run("--seed", "1"));
        assertTrue(errors().contains("--entries N is required"), errors());
        assertEquals(2, run("--entries", "many"));
        assertTrue(errors().contains("--entries needs a number, not many"), errors());
        assertEquals(2, run("--entries", "5", "--colour"));
        assertTrue(errors().contains("unknown argument --colour"), errors());
        assertEquals(2, run("--entries"));
        assertTrue(errors().contains("--entries needs a value"), errors());
        assertEquals(0, stdout.size());
    }

    private int run(String... args) throws Exception {
        return GenerateLdif.run(args, stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
