package org.larch.backend.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.request.SearchSink;

/** Keeps what a search sends. */
class CollectingSink implements SearchSink {
    final List<DirectoryEntry> entries = new ArrayList<>();
    final List<List<String>> references = new ArrayList<>();

    @Override
    public boolean entry(DirectoryEntry entry) {
        entries.add(entry);
        return true;
    }

    @Override
    public boolean reference(List<String> urls) {
        references.add(urls);
        return true;
    }

    List<String> dns() {
        return entries.stream().map(e -> e.dn().getName()).toList();
    }

    List<String> values(String description) {
        List<String> values = new ArrayList<>();
        for (DirectoryEntry entry : entries) {
            EntryAttribute attribute = entry.get(description);
            if (attribute != null) {
                attribute.values().forEach(v -> values.add(new String(v, StandardCharsets.UTF_8)));
            }
        }
        return values;
    }
}
