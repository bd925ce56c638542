package org.larch.benchmarks.store.larch;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.DupReader;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/**
 * Reads a key's ids as the LMDB reader does: {@link Cursor#seek} to the key, then a page of packed
 * ids at a time ({@link Cursor#getMultiple()}, {@link Cursor#nextMultiple()}).
 */
final class LarchDupReader implements DupReader {
    private static final ValueLayout.OfLong BIG_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final Dbi dbi;
    private final Txn txn;
    private Cursor cursor;

    LarchDupReader(Env env, Dbi dbi) {
        this.dbi = dbi;
        this.txn = env.txnRead();
        this.cursor = dbi.openCursor(txn);
    }

    @Override
    public int lookup(byte[] key, Checksum checksum) {
        if (!cursor.seek(key)) {
            return 0;
        }
        int count = 0;
        for (MemorySegment ids = cursor.getMultiple(); ids != null; ids = cursor.nextMultiple()) {
            count += addIds(ids, checksum);
        }
        return count;
    }

    private static int addIds(MemorySegment ids, Checksum checksum) {
        long size = ids.byteSize();
        for (long offset = 0; offset < size; offset += DupDataset.ID_BYTES) {
            checksum.addId(ids.get(BIG_ENDIAN_LONG, offset));
        }
        return (int) (size / DupDataset.ID_BYTES);
    }

    @Override
    public void renew() {
        cursor.close();
        txn.reset();
        txn.renew();
        cursor = dbi.openCursor(txn);
    }

    @Override
    public void close() {
        cursor.close();
        txn.close();
    }
}
