package org.larch.storage.tools;

/**
 * What {@link Dumper} writes: which databases ({@code mdb_dump}'s default: the unnamed one; {@code -s
 * NAME}: one named database; {@code -a}: every named database) and how ({@code -p}: printable).
 *
 * @param printable     {@code format=print} instead of hex pairs
 * @param allDatabases  every named database, in name order
 * @param database      the named database to dump; null with {@code allDatabases} or for the unnamed one
 */
public record DumpOptions(boolean printable, boolean allDatabases, String database) {
    public DumpOptions {
        if (allDatabases && database != null) {
            throw new IllegalArgumentException("dump either all databases or the one named '" + database + "'");
        }
    }

    /** The unnamed database, in hex. */
    public static DumpOptions unnamed() {
        return new DumpOptions(false, false, null);
    }

    public static DumpOptions database(String name) {
        return new DumpOptions(false, false, name);
    }

    public static DumpOptions all() {
        return new DumpOptions(false, true, null);
    }

    public DumpOptions withPrintable(boolean print) {
        return new DumpOptions(print, allDatabases, database);
    }
}
