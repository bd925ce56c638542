package org.larch.storage.crash;

import java.util.List;

/**
 * What reopening an environment after a crash showed.
 *
 * @param landedTxn   the workload transaction the environment holds (its marker); -1 if unreadable
 * @param lostCommits acknowledged (or already verified) transactions missing from it
 * @param problems    corruption: checker problems, a refused open, entries that differ from the model
 */
record CrashVerdict(long landedTxn, long lostCommits, List<String> problems) {
    CrashVerdict {
        problems = List.copyOf(problems);
    }

    boolean corrupt() {
        return !problems.isEmpty();
    }

    boolean lost() {
        return lostCommits > 0;
    }

    boolean sound() {
        return !corrupt() && !lost();
    }

    @Override
    public String toString() {
        return "landed on txn " + landedTxn + (lost() ? ", " + lostCommits + " commits lost" : "")
                + (corrupt() ? ", corrupt: " + String.join("; ", problems) : "");
    }
}
