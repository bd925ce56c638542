package org.larch.backend.search;

/**
 * The server-side parts of a search from the configuration.
 *
 * @param sizeLimit {@code sizelimit}, 0 = none (the rootdn is exempt)
 * @param timeLimitSeconds {@code timelimit}, 0 = none (the rootdn is exempt)
 * @param readTxnRenewEntries {@code rtxnsize}: entries read in one snapshot before it is released and renewed
 */
public record SearchSettings(int sizeLimit, int timeLimitSeconds, int readTxnRenewEntries) {

    public SearchSettings {
        if (readTxnRenewEntries < 1) {
            throw new IllegalArgumentException("rtxnsize must be at least 1, got " + readTxnRenewEntries);
        }
    }
}
