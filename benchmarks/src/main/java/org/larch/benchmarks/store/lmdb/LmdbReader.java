package org.larch.benchmarks.store.lmdb;

import java.nio.ByteBuffer;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.KvReader;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/** An LMDB read transaction; values are read in place through the buffers lmdbjava points at the map. */
final class LmdbReader implements KvReader {
    private final Dbi<ByteBuffer> dbi;
    private final Txn<ByteBuffer> txn;
    private final ByteBuffer key = ByteBuffer.allocateDirect(Dataset.KEY_BYTES);

    LmdbReader(Env<ByteBuffer> env, Dbi<ByteBuffer> dbi) {
        this.dbi = dbi;
        this.txn = env.txnRead();
    }

    @Override
    public boolean get(byte[] keyBytes, Checksum checksum) {
        ByteBuffer value = dbi.get(txn, Lmdb.fill(key, keyBytes));
        if (value == null) {
            return false;
        }
        checksum.add(value);
        return true;
    }

    @Override
    public long scan(Checksum checksum) {
        long entries = 0;
        try (Cursor<ByteBuffer> cursor = dbi.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                checksum.add(cursor.key());
                checksum.add(cursor.val());
                entries++;
            }
        }
        return entries;
    }

    @Override
    public void renew() {
        txn.reset();
        txn.renew();
    }

    @Override
    public void close() {
        txn.close();
    }
}
