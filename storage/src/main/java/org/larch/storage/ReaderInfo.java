package org.larch.storage;

/**
 * One taken slot of the reader table, as {@link Env#readers()} reports it: which process and thread
 * hold it and which snapshot it pins, readers of every process that has the environment open.
 *
 * @param slot          index in the reader table
 * @param pid           the owning process
 * @param ownerId       the owner within its process (the id of the thread that began the reader)
 * @param snapshotTxnId the pinned snapshot's transaction id; -1 when the slot pins none (a reset
 *                      transaction, or one just beginning)
 * @param lag           how many commits the snapshot is behind the last one; 0 when it pins none
 */
public record ReaderInfo(int slot, long pid, long ownerId, long snapshotTxnId, long lag) {

    /** Whether the slot pins a snapshot (and so keeps that snapshot's pages from reuse). */
    public boolean pinsSnapshot() {
        return snapshotTxnId >= 0;
    }
}
