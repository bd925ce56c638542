package org.larch.backend.search;

import java.util.List;
import org.larch.backend.Identity;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.ValuesReturnFilter;
import org.larch.backend.ops.RequestedAttributes;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.store.StoreReader;

/**
 * Turns a stored entry into what the client receives: computed operational attributes when asked,
 * the attribute selection with access rules ({@link RequestedAttributes}), the values return filter
 * ({@link ValuesReturnFilter}, RFC 3876), and typesOnly.
 */
final class EntryShaper {
    private final RequestedAttributes selection;
    private final ComputedAttributes computed;
    private final ValuesReturnFilter valuesReturnFilter;

    EntryShaper(RequestedAttributes selection, ComputedAttributes computed, ValuesReturnFilter valuesReturnFilter) {
        this.selection = selection;
        this.computed = computed;
        this.valuesReturnFilter = valuesReturnFilter;
    }

    DirectoryEntry shape(DirectoryEntry stored, StoreReader reader, SearchSpec spec, Identity who) {
        List<String> attributes = spec.attributes() == null ? List.of() : spec.attributes();
        DirectoryEntry full = reader != null && ComputedAttributes.requested(attributes)
                ? computed.addTo(stored, reader) : stored;
        DirectoryEntry selected = selection.select(full, attributes, who);
        if (spec.valuesReturnFilter() != null && !spec.valuesReturnFilter().isEmpty()) {
            selected = valuesReturnFilter.apply(spec.valuesReturnFilter(), selected);
        }
        if (spec.typesOnly()) {
            selected.attributes().forEach(attribute -> attribute.values().clear());
        }
        return selected;
    }

}
