package org.larch.storage.crash;

/**
 * A write or sync a fault-injecting write layer is asked to do, numbered from 0 in the order they
 * come. A commit does, in order: perhaps a one-byte write that grows the file, the page writes, a
 * sync (unless NOSYNC), the meta page write (pages 0 and 1), a sync (full sync only).
 */
record WriteOperation(int number, boolean sync, long position, int length) {
    /** A write to a meta page. */
    boolean touchesMeta(int pageSize) {
        return !sync && position < 2L * pageSize;
    }

    /** The one-byte write at the new end of the file that grows it. */
    boolean grows() {
        return !sync && length == 1;
    }

    /** A write of pages other than the meta pages. */
    boolean writesPages(int pageSize) {
        return !sync && !grows() && position >= 2L * pageSize;
    }
}
