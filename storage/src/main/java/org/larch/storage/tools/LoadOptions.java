package org.larch.storage.tools;

/**
 * How {@link Loader} stores what it reads ({@code mdb_load}'s options).
 *
 * @param database      {@code -s NAME}: load every section into this named database, whatever its
 *                      header says; null: the database each header names (none: the unnamed one)
 * @param noOverwrite   {@code -N}: leave existing keys alone (in a DUPSORT database: existing pairs),
 *                      counting them as skipped
 * @param append        {@code -a}: the input is in the database's key order and after its existing
 *                      keys; pages fill completely. Out-of-order input is an error naming the line
 * @param plainText     {@code -T}: plain text, no header: alternating key and value lines in the
 *                      printable encoding, without the leading space
 * @param maxSizeBytes  the environment's size ceiling; 0: the header's {@code mapsize} for a new
 *                      environment, the recorded one for an existing environment
 */
public record LoadOptions(String database, boolean noOverwrite, boolean append, boolean plainText,
        long maxSizeBytes) {

    public static LoadOptions defaults() {
        return new LoadOptions(null, false, false, false, 0);
    }

    public LoadOptions withDatabase(String name) {
        return new LoadOptions(name, noOverwrite, append, plainText, maxSizeBytes);
    }

    public LoadOptions withNoOverwrite(boolean flag) {
        return new LoadOptions(database, flag, append, plainText, maxSizeBytes);
    }

    public LoadOptions withAppend(boolean flag) {
        return new LoadOptions(database, noOverwrite, flag, plainText, maxSizeBytes);
    }

    public LoadOptions withPlainText(boolean flag) {
        return new LoadOptions(database, noOverwrite, append, flag, maxSizeBytes);
    }

    public LoadOptions withMaxSizeBytes(long bytes) {
        return new LoadOptions(database, noOverwrite, append, plainText, bytes);
    }
}
