package org.larch.backend.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Descriptions a write transaction added to the dictionary, published only once it commits. */
final class PendingDescriptions {
    private final Map<Integer, DictionaryEntry> byId = new HashMap<>();
    private final Map<String, DictionaryEntry> byText = new HashMap<>();
    private final List<DictionaryEntry> entries = new ArrayList<>();

    void add(DictionaryEntry entry) {
        byId.put(entry.id(), entry);
        byText.put(entry.description().text(), entry);
        entries.add(entry);
    }

    DictionaryEntry byId(int id) {
        return byId.get(id);
    }

    DictionaryEntry byText(String text) {
        return byText.get(text);
    }

    Collection<DictionaryEntry> entries() {
        return entries;
    }
}
