package org.larch.backend.store;

import java.nio.charset.StandardCharsets;
import org.larch.storage.Dbi;
import org.larch.storage.Txn;

/**
 * The {@code meta} database: a few named values.
 *
 * <pre>
 * key (ASCII) | value
 * ------------+------------------------------------------------------------------
 * format      | 4 bytes big-endian: the directory's storage format, {@value #FORMAT}
 * nextId      | 8 bytes big-endian: the id the next added entry gets (ids start at 1)
 * suffix      | UTF-8: the normalized suffix DN the data was created for
 * </pre>
 */
final class StoreMeta {
    static final int FORMAT = 1;
    private static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_ID_KEY = "nextId".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX_KEY = "suffix".getBytes(StandardCharsets.US_ASCII);

    private final Dbi meta;

    StoreMeta(Dbi meta) {
        this.meta = meta;
    }

    /** On a new directory records format and suffix; on an existing one checks that both match. */
    void initializeOrCheck(Txn writeTxn, String normalizedSuffix) {
        byte[] format = meta.get(writeTxn, FORMAT_KEY);
        if (format == null) {
            meta.put(writeTxn, FORMAT_KEY, new ByteOutput(4).writeInt(FORMAT).toByteArray());
            meta.put(writeTxn, NEXT_ID_KEY, new ByteOutput(8).writeLong(1).toByteArray());
            meta.put(writeTxn, SUFFIX_KEY, normalizedSuffix.getBytes(StandardCharsets.UTF_8));
            return;
        }
        int stored = new ByteInput(format, "meta format").readInt();
        if (stored != FORMAT) {
            throw new IllegalStateException("the directory's storage format is " + stored + ", this Larch reads " + FORMAT);
        }
        String storedSuffix = new String(meta.get(writeTxn, SUFFIX_KEY), StandardCharsets.UTF_8);
        if (!storedSuffix.equals(normalizedSuffix)) {
            throw new IllegalStateException("the data directory holds the suffix " + storedSuffix
                    + " but the configuration's suffix is " + normalizedSuffix);
        }
    }

    /** Records {@code id} as the id the next added entry gets (in the write transaction). */
    void writeNextId(Txn writeTxn, long id) {
        meta.put(writeTxn, NEXT_ID_KEY, new ByteOutput(8).writeLong(id).toByteArray());
    }

    long nextId(Txn txn) {
        byte[] value = meta.get(txn, NEXT_ID_KEY);
        return value == null ? 1 : new ByteInput(value, "meta nextId").readLong();
    }
}
