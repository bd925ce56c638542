package org.larch.storage.crash;

import java.util.List;

/**
 * What a kill-harness run found.
 *
 * @param cycles         writer processes started, killed and verified
 * @param acknowledged   commits the writers acknowledged
 * @param unacknowledged kills that landed after a commit but before its acknowledgement (the
 *                       environment held one transaction more than acknowledged: allowed)
 * @param lostCommits    acknowledged commits missing after a kill (must be 0)
 * @param corruptions    kills after which the environment failed the checker, would not open, or
 *                       differed from the model (must be 0)
 * @param writerErrors   writers that stopped by themselves or made no progress (must be 0)
 * @param failures       a description of each failed cycle (lost, corrupt or writer error)
 * @param seconds        wall time of the run
 */
record KillReport(int cycles, long acknowledged, int unacknowledged, long lostCommits, int corruptions,
        int writerErrors, List<String> failures, double seconds) {

    KillReport {
        failures = List.copyOf(failures);
    }

    boolean clean() {
        return lostCommits == 0 && corruptions == 0 && writerErrors == 0;
    }

    @Override
    public String toString() {
        return String.format("%d cycles, %d commits acknowledged, %d kills between commit and acknowledgement,"
                + " %d lost commits, %d corruptions, %d writer errors, %.1f s%s", cycles, acknowledged, unacknowledged,
                lostCommits, corruptions, writerErrors, seconds,
                failures.isEmpty() ? "" : "\n  " + String.join("\n  ", failures));
    }
}
