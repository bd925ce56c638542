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
    public static final int DEFAULT_ENTRIES_PER_COMMIT = 10_000;

    public ImportOptions {
        if (entriesPerCommit < 1) {
            throw new IllegalArgumentException("entriesPerCommit must be at least 1, not " + entriesPerCommit);
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, false, false, DEFAULT_ENTRIES_PER_COMMIT);
    }
}
