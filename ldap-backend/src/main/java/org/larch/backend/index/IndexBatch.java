package org.larch.backend.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.storage.Txn;

/**
 * The index keys of many new entries, collected in memory and written at once: for each index, key →
 * ascending ids; {@link #flush} sorts the keys and writes each key's ids with one
 * {@code Dbi.putMultiple}. It writes exactly what {@link Indexes#update} would write for each entry
 * added (no old keys to delete), but touches each key's pages once per batch instead of once per entry.
 * For bulk loads ({@code larch import}, index rebuilds) of entries whose keys are not in the index
 * yet; the batch must be flushed before anything else reads or changes those indexes in the transaction.
 */
public final class IndexBatch {
    private final List<IndexedAttribute> indexes;
    private final IndexKeyMaker keyMaker;
    private final List<IdRunTable> runs = new ArrayList<>();
    private int entries;

    IndexBatch(List<IndexedAttribute> indexes, IndexKeyMaker keyMaker) {
        this.indexes = List.copyOf(indexes);
        this.keyMaker = keyMaker;
        for (int i = 0; i < this.indexes.size(); i++) {
            runs.add(new IdRunTable());
        }
    }

    /** The keys {@code entry} has in this batch's indexes; needs no transaction (any thread may call it). */
    public EntryIndexKeys keysOf(DirectoryEntry entry) {
        List<Set<IndexKey>> perIndex = new ArrayList<>(indexes.size());
        for (IndexedAttribute index : indexes) {
            perIndex.add(index.keysOf(entry, keyMaker));
        }
        return new EntryIndexKeys(perIndex);
    }

    /** Notes the keys of the new entry {@code id} ({@link #keysOf} of it); ids growing from entry to entry is fastest. */
    public void add(long id, EntryIndexKeys keys) {
        if (keys.indexCount() != indexes.size()) {
            throw new IllegalArgumentException("keys of " + keys.indexCount() + " indexes for a batch of " + indexes.size());
        }
        for (int i = 0; i < indexes.size(); i++) {
            IdRunTable byKey = runs.get(i);
            for (IndexKey key : keys.of(i)) {
                byKey.add(key, id);
            }
        }
        entries++;
    }

    /** {@link #add(long, EntryIndexKeys)} of the entry's own keys. */
    public void add(long id, DirectoryEntry entry) {
        add(id, keysOf(entry));
    }

    /** Entries noted since the last flush. */
    public int size() {
        return entries;
    }

    /** Writes every noted key into {@code writeTxn}, in key order per index, and empties the batch. */
    public void flush(Txn writeTxn) {
        for (int i = 0; i < indexes.size(); i++) {
            IdRunTable byKey = runs.get(i);
            if (byKey.isEmpty()) {
                continue;
            }
            for (IdRunTable.KeyRun run : byKey.sorted()) {
                byte[] packed = run.ids().packed();
                indexes.get(i).dbi().putMultiple(writeTxn, run.key().bytes(), packed, Long.BYTES, run.ids().size());
            }
            byKey.clear();
        }
        entries = 0;
    }
}
