package org.larch.storage.tools;

import java.util.ArrayList;
import java.util.List;
import org.larch.storage.Stat;
import org.larch.storage.btree.TreeCursor;
import org.larch.storage.env.Snapshot;
import org.larch.storage.freelist.FreeRecords;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;

/**
 * The free-page tree of one snapshot: the tree's own figures and its records, oldest first.
 *
 * @param tree    depth, pages and entries (records) of the free-page tree
 * @param records each record's transaction and page count
 */
public record FreeListStat(Stat tree, List<FreeRecordStat> records) {

    public FreeListStat {
        records = List.copyOf(records);
    }

    /** Reads the free-page tree of {@code snapshot}. */
    public static FreeListStat of(Snapshot snapshot) {
        DbRecord freeDb = snapshot.meta().freeDb();
        Stat tree = new Stat(snapshot.meta().pageSize(), freeDb.depth, freeDb.branchPages, freeDb.leafPages,
                freeDb.overflowPages, freeDb.entries);
        List<FreeRecordStat> records = new ArrayList<>();
        TreeCursor cursor = new TreeCursor(snapshot.pages(), freeDb, KeyComparator.LEXICOGRAPHIC);
        for (boolean more = cursor.first(); more; more = cursor.next()) {
            records.add(FreeRecordStat.of(FreeRecords.txnIdOf(cursor.key()), FreeRecords.pagesOf(cursor.value())));
        }
        return new FreeListStat(tree, records);
    }

    /** Pages listed by all records. */
    public long freePages() {
        long pages = 0;
        for (FreeRecordStat record : records) {
            pages += record.pages();
        }
        return pages;
    }
}
