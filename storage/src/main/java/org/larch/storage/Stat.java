package org.larch.storage;

/** Figures of one database's tree, as {@code mdb_stat} prints them. */
public record Stat(int pageSize, int depth, long branchPages, long leafPages, long overflowPages, long entries) {
}
