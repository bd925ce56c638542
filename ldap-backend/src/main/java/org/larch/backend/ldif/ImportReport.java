package org.larch.backend.ldif;

import java.util.List;

/**
 * What an import did: entries added (with {@code -n}: that would have been added), change records
 * applied, the records
 * rejected and the entries whose parent never appeared (each with file and line), and how long it took.
 */
public record ImportReport(long added, long changed, List<LdifProblem> rejected, List<LdifProblem> unresolved, long elapsedNanos,
        boolean dryRun) {

    public boolean clean() {
        return rejected.isEmpty() && unresolved.isEmpty();
    }

    public double entriesPerSecond() {
        return elapsedNanos == 0 ? 0 : added * 1e9 / elapsedNanos;
    }

    /** The one summary line. */
    public String summary() {
        return String.format("%s %d entries in %.1f s (%.0f entries/s), %d changes, %d rejected, %d with no parent",
                dryRun ? "checked (nothing written):" : "imported", added, elapsedNanos / 1e9, entriesPerSecond(),
                changed, rejected.size(), unresolved.size());
    }
}
