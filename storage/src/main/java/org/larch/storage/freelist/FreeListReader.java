package org.larch.storage.freelist;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.larch.storage.btree.PageSource;
import org.larch.storage.btree.TreeCursor;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;

/**
 * Reads free-page records from the committed free-page tree, oldest first, handing out only those
 * freed by a transaction older than every snapshot still in use, the newest committed one included.
 *
 * <p>Pages freed by transaction {@code t} belong to snapshot {@code t - 1}; a reader of snapshot
 * {@code s >= t} no longer sees them. Like LMDB, this keeps one generation more than readers need:
 * pages freed by the newest commit stay untouched, so the tree of the previous meta page stays whole.
 * That is what lets open fall back to the previous meta when the newest one was torn, and what keeps
 * NOMETASYNC safe: a commit whose meta page never reached the disk left the tree it replaced intact.
 * The oldest snapshot is asked for once, at the first record wanted.
 */
public final class FreeListReader implements FreeRecordSource {
    private final TreeCursor cursor;
    private final LongSupplier oldestSnapshot;
    private long limit = -1;
    private long[] consumed = new long[0];
    private boolean started;
    private boolean exhausted;

    public FreeListReader(PageSource committed, DbRecord freeDb, LongSupplier oldestSnapshot) {
        this.cursor = new TreeCursor(committed, freeDb, KeyComparator.LEXICOGRAPHIC);
        this.oldestSnapshot = oldestSnapshot;
    }

    @Override
    public long[] next() {
        if (exhausted) {
            return null;
        }
        if (limit < 0) {
            limit = oldestSnapshot.getAsLong();
        }
        boolean found = started ? cursor.next() : cursor.first();
        started = true;
        if (!found || FreeRecords.txnIdOf(cursor.key()) >= limit) {
            exhausted = true;
            return null;
        }
        long txnId = FreeRecords.txnIdOf(cursor.key());
        consumed = Arrays.copyOf(consumed, consumed.length + 1);
        consumed[consumed.length - 1] = txnId;
        return FreeRecords.pagesOf(cursor.value());
    }

    @Override
    public long[] consumed() {
        return consumed.clone();
    }
}
