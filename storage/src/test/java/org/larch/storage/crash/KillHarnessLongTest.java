package org.larch.storage.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.EnvTesting;

/**
 * The long form of the kill harness ({@code @Tag("slow")}): {@code larch.crash.cycles} kill cycles
 * (default 1,000) in each of the modes in {@code larch.crash.modes} (default FULL,NOSYNC). Run with
 * <pre>
 * ./run-tests -pl storage -Dlarch.target=target-crash -Dtest=KillHarnessLongTest -Dlarch.excludedGroups= \
 *     -Dlarch.crash.cycles=1000 -Dlarch.crash.modes=FULL,NOSYNC
 * </pre>
 * ({@code -Dlarch.crash.seed=N} replays a workload; {@code -Dlarch.crash.verbose=true} prints every cycle.)
 */
@Tag("slow")
class KillHarnessLongTest {
    @TempDir
    Path root;

    @Test
    void thousandsOfKillsLoseNothingAndCorruptNothing() throws InterruptedException {
        int cycles = Integer.getInteger("larch.crash.cycles", 1_000);
        long seed = EnvTesting.seed("larch.crash.seed");
        boolean duplicates = KillHarness.engineSupportsDuplicates(root);
        StringBuilder summary = new StringBuilder();
        boolean clean = true;
        for (String mode : System.getProperty("larch.crash.modes", "FULL,NOSYNC").split(",")) {
            Durability durability = Durability.valueOf(mode.trim());
            Path directory = root.resolve(durability.name());
            KillReport report = new KillHarness(directory, durability, seed, duplicates, false).run(cycles, false, 0);
            String line = durability + (duplicates ? " with" : " without") + " DUPSORT: " + report;
            System.out.println(line);
            summary.append(line).append('\n');
            clean &= report.clean();
        }
        assertTrue(clean, summary.toString());
    }
}
