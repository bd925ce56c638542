package org.larch.benchmarks.store.larch;

import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.store.KvReader;
import org.larch.storage.ByteView;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/** A Larch read transaction; values are read through windows into the mapped file (no copy, no object). */
final class LarchReader implements KvReader {
    private final Dbi dbi;
    private final Txn txn;
    private final ByteView key = new ByteView();
    private final ByteView value = new ByteView();

    LarchReader(Env env, Dbi dbi) {
        this.dbi = dbi;
        this.txn = env.txnRead();
    }

    @Override
    public boolean get(byte[] key, Checksum checksum) {
        if (!dbi.get(txn, key, value)) {
            return false;
        }
        checksum.add(value.segment(), value.offset(), value.length());
        return true;
    }

    @Override
    public long scan(Checksum checksum) {
        long entries = 0;
        try (Cursor cursor = dbi.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                cursor.key(key);
                cursor.value(value);
                checksum.add(key.segment(), key.offset(), key.length());
                checksum.add(value.segment(), value.offset(), value.length());
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
