package org.larch.backend.ldif;

import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.entry.DirectoryEntry;

/**
 * Entries that came before their parent, waiting by the parent's normalized DN until it is added;
 * what is left at the end never found its parent.
 */
final class DeferredEntries {
    /** A waiting entry and the line its record starts on. */
    record Waiting(DirectoryEntry entry, int lineNumber) {
    }

    private final Map<String, List<Waiting>> byParent = new HashMap<>();
    private int size;

    void defer(Dn parent, DirectoryEntry entry, int lineNumber) {
        byParent.computeIfAbsent(parent.getNormName(), any -> new ArrayList<>()).add(new Waiting(entry, lineNumber));
        size++;
    }

    /** The entries waiting for {@code parent}, no longer waiting. */
    List<Waiting> release(Dn parent) {
        List<Waiting> waiting = byParent.remove(parent.getNormName());
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
    List<Waiting> remaining() {
        List<Waiting> all = new ArrayList<>();
        byParent.values().forEach(all::addAll);
        all.sort(Comparator.comparingInt(Waiting::lineNumber));
        return all;
    }
}
