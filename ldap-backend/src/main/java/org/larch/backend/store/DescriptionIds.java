package org.larch.backend.store;

import org.larch.backend.entry.AttributeDescription;

/** Gives {@link EntryRecord#encode} the dictionary id of the description at each position of an entry. */
@FunctionalInterface
public interface DescriptionIds {
    /** The id of {@code description}, the entry's {@code position}-th attribute (0 first). */
    int idOf(int position, AttributeDescription description);
}
