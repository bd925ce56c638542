package org.larch.storage.crash;

/**
 * One change a workload transaction makes: to plain database {@code database} (an index into
 * {@link CrashWorkload#PLAIN}), or to the DUPSORT database for the duplicate kinds.
 */
record Change(Kind kind, int database, byte[] key, byte[] value) {
    enum Kind {
        PUT, DELETE, ADD_DUPLICATE, DELETE_DUPLICATE, DELETE_ALL_DUPLICATES
    }
}
