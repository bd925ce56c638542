package org.larch.backend.ldif;

/**
 * How {@link LdifImport} runs.
 *
 * @param continueOnError report a bad record and go on ({@code -c}) instead of stopping at it
 * @param dryRun check every record but commit nothing ({@code -n})
 * @param skipSchemaCheck do not check entries against the schema ({@code -s})
 * @param entriesPerCommit entries added per write transaction
 */
public record ImportOptions(boolean continueOnError, boolean dryRun, boolean skipSchemaCheck, int entriesPerCommit) {
    /**
     * 50,000: at 1M entries it spent far less GC time and wall time than 10,000 (each key's index pages
     * are rewritten once per commit), and a whole 200,000-entry transaction still imported in a 1 GiB
     * heap; an interrupted import loses at most this many entries' work, and a reindex holds this many
     * entries in memory at once.
     */
    public static final int DEFAULT_ENTRIES_PER_COMMIT = 50_000;

    public ImportOptions {
        if (entriesPerCommit < 1) {
            throw new IllegalArgumentException("entriesPerCommit must be at least 1, not " + entriesPerCommit);
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, false, false, DEFAULT_ENTRIES_PER_COMMIT);
    }
}
