package org.larch.benchmarks.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-import-benchmark --entries 2000 --no-build} runs end to end: both imports load every
 * entry (the script checks with slapcat and larch export, and fails otherwise) and the table has a row
 * with a ratio. No figure is asserted: this is a smoke test of the script, not a benchmark. Skipped
 * where OpenLDAP's slapadd is not installed ({@code apt-get install slapd}) or the server jar has not
 * been packaged (it is, before this module's tests, in a reactor build such as
 * {@code mvn -pl benchmarks -am verify}).
 */
class ImportBenchmarkScriptTest {
    private static final Pattern ROW =
            Pattern.compile("(?m)^\\| 2112 \\| [0-9.]+ \\| [0-9]+ \\| [0-9.]+ \\| [0-9]+ \\| [0-9.]+× \\| ≥ 1\\.5× (met|\\*\\*missed\\*\\*) \\| [0-9.]+ \\| [0-9.]+ \\|$");

    @Test
    void theScriptLoadsBothAndPrintsARatio(@TempDir Path work) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path script = root.resolve("run-import-benchmark");
        assumeTrue(Files.isExecutable(script), "no " + script);
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/slapadd")), "slapadd is not installed (apt-get install slapd)");
        assumeTrue(Files.exists(root.resolve("server/target/larch-server.jar")), "the server is not packaged");

        Path log = work.resolve("output.txt");
        Process process = new ProcessBuilder(script.toString(), "--entries", "2000", "--no-build",
                "--work", work.resolve("bench").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = read(log);

        assertTrue(finished, "the script did not finish in 3 minutes:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("slapd's database: 2112 entries"), output);
        assertTrue(output.contains("larch's database: 2112 entries"), output);
        assertTrue(ROW.matcher(output).find(), output);
        assertTrue(Files.notExists(work.resolve("bench/persons-2000.ldif")), "the work files are removed");
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
