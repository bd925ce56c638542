package org.larch.backend.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/** Builds entries and a store with a suffix entry for tests. */
public final class StoreFixture {
    private StoreFixture() {}

    public static DirectoryStore openWithSuffix(Path directory, String suffix) {
        DirectorySchema schema = TestSchema.get();
        DirectoryStore store = DirectoryStore.open(directory, 1L << 30, DnNames.parse(schema.schemaManager(), suffix), schema);
        try (StoreWriter writer = store.beginWrite()) {
            if (writer.suffixId() == EntryIds.NONE) {
                writer.addSuffix(entry(suffix, "objectClass", "top", "objectClass", "domain", "dc",
                        suffix.substring(3, suffix.indexOf(','))));
                writer.commit();
            }
        }
        return store;
    }

    /** An entry from alternating description/value pairs, attributes in first-seen order. */
    public static DirectoryEntry entry(String dn, String... descriptionsAndValues) {
        DirectorySchema schema = TestSchema.get();
        Dn parsed = DnNames.parse(schema.schemaManager(), dn);
        List<EntryAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < descriptionsAndValues.length; i += 2) {
            AttributeDescription description = AttributeDescription.parse(descriptionsAndValues[i]);
            byte[] value = descriptionsAndValues[i + 1].getBytes(StandardCharsets.UTF_8);
            EntryAttribute existing = attributes.stream()
                    .filter(a -> a.description().sameAs(description)).findFirst().orElse(null);
            if (existing == null) {
                attributes.add(new EntryAttribute(description, schema.attributeType(description.type()),
                        new ArrayList<>(List.of(value))));
            } else {
                existing.values().add(value);
            }
        }
        return new DirectoryEntry(parsed, 0, attributes);
    }

    /** Adds {@code entry} under its parent (looked up by DN) and returns its id. */
    public static long add(StoreWriter writer, DirectoryEntry entry) {
        long parentId = writer.requireId(entry.dn().getParent());
        Rdn rdn = entry.dn().getRdn();
        return writer.add(parentId, rdn, entry);
    }

    public static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
