package org.larch.benchmarks.store.larch;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.DupReader;
import org.larch.storage.ByteView;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/**
 * Reads a key's ids as the LMDB reader does: {@link Cursor#seek} to the key, then a page of packed
 * ids at a time, in place ({@link Cursor#getMultiple(ByteView)}, {@link Cursor#nextMultiple(ByteView)},
 * as lmdbjava points its reused buffer at them).
 */
final class LarchDupReader implements DupReader {
    private static final ValueLayout.OfLong BIG_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final Dbi dbi;
    private final Txn txn;
    private Cursor cursor;
    private final ByteView ids = new ByteView();

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
        cursor.getMultiple(ids);
        do {
            count += addIds(ids, checksum);
        } while (cursor.nextMultiple(ids));
        return count;
    }

    private static int addIds(ByteView ids, Checksum checksum) {
        MemorySegment segment = ids.segment();
        long end = ids.offset() + ids.length();
        for (long offset = ids.offset(); offset < end; offset += DupDataset.ID_BYTES) {
            checksum.addId(segment.get(BIG_ENDIAN_LONG, offset));
        }
        return (int) (ids.length() / DupDataset.ID_BYTES);
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
