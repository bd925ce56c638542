package org.larch.benchmarks.store.larch;

import java.lang.foreign.MemorySegment;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.store.KvReader;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/** A Larch read transaction; values are read through views into the mapped file (no copy). */
final class LarchReader implements KvReader {
    private final Dbi dbi;
    private final Txn txn;

    LarchReader(Env env, Dbi dbi) {
        this.dbi = dbi;
        this.txn = env.txnRead();
    }

    @Override
    public boolean get(byte[] key, Checksum checksum) {
        MemorySegment value = dbi.getView(txn, key);
        if (value == null) {
            return false;
        }
        checksum.add(value);
        return true;
    }

    @Override
    public long scan(Checksum checksum) {
        long entries = 0;
        try (Cursor cursor = dbi.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                checksum.add(cursor.key());
                checksum.add(cursor.value());
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
