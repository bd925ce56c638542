package org.larch.storage;

/** How an environment is opened. */
public enum EnvFlag {
    /** No write transactions; the files are opened read-only. */
    READ_ONLY,
    /**
     * Commit writes pages and the meta page without syncing either. Fastest; a crash of the machine
     * (not of the process) can lose recent commits and, since the OS may write the meta page before
     * the pages it points to, can leave the newest meta pointing at unwritten pages: use it only for
     * data you can rebuild (a bulk load you redo after a crash).
     */
    NOSYNC,
    /**
     * Commit syncs the data pages but not the meta page; the next commit's sync carries it. A crash of
     * the machine can lose the last commit, never consistency.
     */
    NOMETASYNC,
    /**
     * Every page read from the file (tree pages and overflow runs) is checked against the CRC32C in
     * its header first; a mismatch is a {@link CorruptedException} naming the file and the page,
     * never damaged data served. Costs a copy and a checksum of each page read (see the storage
     * README for the measured figure); without it only the checker verifies checksums.
     */
    VERIFY_CHECKSUMS
}
