package org.larch.storage.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.EnvTesting;

/**
 * The short form of the kill harness, in the default test run: writer processes killed with SIGKILL
 * at random moments, in full-sync and NOSYNC mode (a process crash must lose nothing in either: its
 * writes are in the page cache), and the deliberately broken control, which must be flagged. The
 * long form is {@link KillHarnessLongTest}.
 */
class KillHarnessTest {
    private static final int CYCLES = 10;

    @TempDir
    Path root;

    @Test
    @Timeout(120)
    void killedWritersLoseNothingWithFullSync() throws InterruptedException {
        KillReport report = runClean(Durability.FULL);
        assertEquals(CYCLES, report.cycles());
    }

    @Test
    @Timeout(120)
    void killedWritersLoseNothingWithNoSync() throws InterruptedException {
        KillReport report = runClean(Durability.NOSYNC);
        assertEquals(CYCLES, report.cycles());
    }

    /** Meta page before the data pages: the harness must see the damage, or it proves nothing. */
    @Test
    @Timeout(120)
    void theBrokenControlIsFlagged() throws InterruptedException {
        long seed = EnvTesting.seed("larch.crash.seed");
        KillHarness harness = new KillHarness(root, Durability.FULL, seed,
                KillHarness.engineSupportsDuplicates(root), true);
        KillReport report = harness.run(40, true, 90);
        System.out.println("broken control (meta page first): " + report);
        assertFalse(report.clean(), "the harness did not notice a commit that writes the meta page first: " + report);
        assertTrue(report.corruptions() + report.lostCommits() > 0, report.toString());
        assertEquals(0, report.writerErrors(), report.toString());
    }

    private KillReport runClean(Durability durability) throws InterruptedException {
        long seed = EnvTesting.seed("larch.crash.seed");
        boolean duplicates = KillHarness.engineSupportsDuplicates(root);
        KillReport report = new KillHarness(root, durability, seed, duplicates, false).run(CYCLES, false, 0);
        System.out.println(durability + (duplicates ? " with" : " without") + " DUPSORT: " + report);
        assertTrue(report.clean(), report.toString());
        assertTrue(report.acknowledged() > 0, "the writers committed something: " + report);
        return report;
    }
}
