package org.larch.benchmarks.store.lmdb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.DupReader;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.GetOp;
import org.lmdbjava.SeekOp;
import org.lmdbjava.Txn;

/**
 * Reads a key's ids as back-mdb does: position on the key ({@code MDB_SET}), then whole pages of ids
 * at a time ({@code MDB_GET_MULTIPLE}, {@code MDB_NEXT_MULTIPLE}).
 */
final class LmdbDupReader implements DupReader {
    private final Txn<ByteBuffer> txn;
    private final Cursor<ByteBuffer> cursor;
    private final ByteBuffer key = ByteBuffer.allocateDirect(Dataset.KEY_BYTES);

    LmdbDupReader(Env<ByteBuffer> env, Dbi<ByteBuffer> dbi) {
        this.txn = env.txnRead();
        this.cursor = dbi.openCursor(txn);
    }

    @Override
    public int lookup(byte[] keyBytes, Checksum checksum) {
        if (!cursor.get(Lmdb.fill(key, keyBytes), GetOp.MDB_SET)) {
            return 0;
        }
        int count = 0;
        for (boolean more = cursor.seek(SeekOp.MDB_GET_MULTIPLE); more; more = cursor.seek(SeekOp.MDB_NEXT_MULTIPLE)) {
            count += addIds(cursor.val(), checksum);
        }
        return count;
    }

    private static int addIds(ByteBuffer ids, Checksum checksum) {
        ByteBuffer bigEndian = ids.order(ByteOrder.BIG_ENDIAN);
        int start = bigEndian.position();
        int end = bigEndian.limit();
        for (int i = start; i < end; i += DupDataset.ID_BYTES) {
            checksum.addId(bigEndian.getLong(i));
        }
        return (end - start) / DupDataset.ID_BYTES;
    }

    @Override
    public void renew() {
        txn.reset();
        txn.renew();
        cursor.renew(txn);
    }

    @Override
    public void close() {
        cursor.close();
        txn.close();
    }
}
