package org.larch.backend.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;
import org.larch.backend.store.StoreReader;

/**
 * Operational attributes computed when an entry is read, never stored: {@code hasSubordinates},
 * {@code numSubordinates}, {@code subschemaSubentry} and {@code entryDN}. They are added only when the
 * attribute list asks for them ({@code +} or by name), so a plain search pays nothing.
 */
final class ComputedAttributes {
    static final String SUBSCHEMA_DN = "cn=Subschema";
    private static final Set<String> NAMES = Set.of("hassubordinates", "numsubordinates", "subschemasubentry", "entrydn");

    private final DirectorySchema schema;

    ComputedAttributes(DirectorySchema schema) {
        this.schema = schema;
    }

    /** Whether the attribute list asks for any computed attribute. */
    static boolean requested(List<String> attributes) {
        for (String requested : attributes) {
            String name = AttributeDescription.parse(requested).typeKey();
            if (name.equals("+") || NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** A copy of {@code entry} with the computed attributes appended. */
    DirectoryEntry addTo(DirectoryEntry entry, StoreReader reader) {
        DirectoryEntry extended = new DirectoryEntry(entry.dn(), entry.id(), entry.attributes());
        int children = reader.childCount(entry.id());
        add(extended, "hasSubordinates", children > 0 ? "TRUE" : "FALSE");
        add(extended, "numSubordinates", Integer.toString(children));
        add(extended, "subschemaSubentry", SUBSCHEMA_DN);
        add(extended, "entryDN", entry.dn().getName());
        return extended;
    }

    private void add(DirectoryEntry entry, String name, String value) {
        if (entry.get(name) != null) {
            return;
        }
        entry.attributes().add(new EntryAttribute(AttributeDescription.parse(name), schema.attributeType(name),
                List.of(value.getBytes(StandardCharsets.UTF_8))));
    }
}
