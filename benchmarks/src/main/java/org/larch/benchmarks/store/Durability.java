package org.larch.benchmarks.store;

/** What a commit waits for. */
public enum Durability {
    /** The commit hands its writes to the OS and returns: survives a crash of the process only. */
    NO_SYNC,
    /** The commit returns once its writes are on the disk (fsync/fdatasync): survives a power loss. */
    SYNC
}
