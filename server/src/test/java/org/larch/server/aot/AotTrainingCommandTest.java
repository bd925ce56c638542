package org.larch.server.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.larch.server.Main;

/** The start-up cache's training workload: runs clean, leaves nothing behind, trains on a real directory. */
class AotTrainingCommandTest {

    @Test
    void theTrainingRunsImportExportAndCheckAndRemovesItsDirectory() throws IOException {
        List<Path> before = trainingDirectories();

        int code = Main.run("aot-training", "--persons", "300");

        assertEquals(0, code);
        assertEquals(before, trainingDirectories(), "the temporary directory is removed");
    }

    @Test
    void theTrainingDirectoryIsDeterministicWithNonAsciiNames() throws IOException {
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        TrainingLdif.write(first, 50);
        TrainingLdif.write(second, 50);

        assertEquals(first.toString(), second.toString());
        assertEquals(50 + 6, first.toString().split("\n\n").length, "suffix, people, four units, 50 persons");
        assertTrue(first.toString().contains("cn:: "), "some names are base64 lines");
        assertTrue(first.toString().contains("\ncn: Anna Berg\n"));
    }

    private static List<Path> trainingDirectories() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(path -> path.getFileName().toString().startsWith("larch-aot-training")).sorted().toList();
        }
    }
}
