package org.larch.storage.tools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.larch.storage.Txn;
import org.larch.storage.btree.TreeCursor;
import org.larch.storage.env.Snapshot;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;

/**
 * The named databases of one snapshot, with the flags stored with each: the {@link LeafPage#SUBDB}
 * nodes of its main tree, in key order. The tools need the flags (a dump's header, a compact copy's
 * new databases), which the public API does not expose.
 */
public final class DatabaseCatalog {
    private DatabaseCatalog() {
    }

    /** One named database: its name and its stored {@code DbiFlag} bits. */
    public record Entry(String name, int flags) {
        public byte[] nameBytes() {
            return name.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The named databases that {@code readTxn} sees. */
    public static List<Entry> of(Txn readTxn) {
        Snapshot snapshot = readTxn.snapshotForTools();
        TreeCursor cursor = new TreeCursor(snapshot.pages(), snapshot.meta().mainDb(), KeyComparator.LEXICOGRAPHIC);
        List<Entry> entries = new ArrayList<>();
        for (boolean more = cursor.first(); more; more = cursor.next()) {
            if ((cursor.nodeFlags() & LeafPage.SUBDB) != 0) {
                String name = new String(cursor.keyBytes(), StandardCharsets.UTF_8);
                entries.add(new Entry(name, DbRecord.decode(cursor.value(), 0).flags));
            }
        }
        return List.copyOf(entries);
    }

    /** The entry named {@code name}, or null. */
    public static Entry find(Txn readTxn, String name) {
        for (Entry entry : of(readTxn)) {
            if (entry.name().equals(name)) {
                return entry;
            }
        }
        return null;
    }
}
