package org.larch.backend.index;

import java.util.List;
import java.util.Set;

/**
 * The index keys of one entry, one set per index of the {@link IndexBatch} that made them (in its
 * order). Computing them needs no transaction, so an import can make them before the entry's id is known.
 */
public final class EntryIndexKeys {
    private final List<Set<IndexKey>> perIndex;

    EntryIndexKeys(List<Set<IndexKey>> perIndex) {
        this.perIndex = perIndex;
    }

    Set<IndexKey> of(int index) {
        return perIndex.get(index);
    }

    int indexCount() {
        return perIndex.size();
    }
}
