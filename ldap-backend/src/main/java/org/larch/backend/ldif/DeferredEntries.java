package org.larch.backend.ldif;

import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.directory.api.ldap.model.name.Dn;

/**
 * Entries that came before their parent, waiting by the parent's normalized DN until it is added;
 * what is left at the end never found its parent.
 */
final class DeferredEntries {
    private final Map<String, List<PreparedEntry>> byParent = new HashMap<>();
    private int size;

    void defer(Dn parent, PreparedEntry entry) {
        byParent.computeIfAbsent(parent.getNormName(), any -> new ArrayList<>()).add(entry);
        size++;
    }

    /** The entries waiting for {@code parent}, no longer waiting. */
    List<PreparedEntry> release(Dn parent) {
        List<PreparedEntry> waiting = byParent.remove(parent.getNormName());
        if (waiting == null) {
            return List.of();
        }
        size -= waiting.size();
        return waiting;
    }

    int size() {
        return size;
    }

    /** Every entry still waiting, in line order. */
    List<PreparedEntry> remaining() {
        List<PreparedEntry> all = new ArrayList<>();
        byParent.values().forEach(all::addAll);
        all.sort(Comparator.comparingInt(PreparedEntry::lineNumber));
        return all;
    }
}
