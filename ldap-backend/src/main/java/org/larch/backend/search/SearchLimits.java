package org.larch.backend.search;

import org.larch.backend.Identity;
import org.larch.backend.request.SearchSpec;

/**
 * The size and time limits of one search: the client's, capped by the server's ({@code sizelimit},
 * {@code timelimit}) unless the requester is the rootdn. 0 from either side means "none" on that side.
 */
final class SearchLimits {
    private final int sizeLimit;
    private final long deadlineNanos;

    private SearchLimits(int sizeLimit, long deadlineNanos) {
        this.sizeLimit = sizeLimit;
        this.deadlineNanos = deadlineNanos;
    }

    static SearchLimits of(Identity who, SearchSpec spec, SearchSettings settings, long startNanos) {
        int size = combine(spec.sizeLimit(), who.root() ? 0 : settings.sizeLimit());
        int seconds = combine(spec.timeLimitSeconds(), who.root() ? 0 : settings.timeLimitSeconds());
        long deadline = seconds == 0 ? Long.MAX_VALUE : startNanos + seconds * 1_000_000_000L;
        return new SearchLimits(size, deadline);
    }

    /** Entries that may be returned, Integer.MAX_VALUE for no limit. */
    int sizeLimit() {
        return sizeLimit == 0 ? Integer.MAX_VALUE : sizeLimit;
    }

    boolean hasSizeLimit() {
        return sizeLimit != 0;
    }

    boolean timeIsUp() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0;
    }

    private static int combine(int client, int server) {
        if (client <= 0) {
            return Math.max(server, 0);
        }
        return server <= 0 ? client : Math.min(client, server);
    }
}
