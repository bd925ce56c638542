package org.larch.storage.freelist;

/** Hands out the page lists of free-page records that no live reader can still see, oldest first. */
public interface FreeRecordSource {
    /** The pages of the next reusable record, or null when none is left. */
    long[] next();

    /** Transaction ids of the records handed out so far, in order. */
    long[] consumed();
}
