package org.larch.backend.filter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/** Builds entries for tests from "description: value" lines, values appended in order. */
public final class TestEntries {
    private TestEntries() {}

    public static DirectoryEntry entry(DirectorySchema schema, String dn, String... lines) {
        try {
            DirectoryEntry entry = new DirectoryEntry(new Dn(schema.schemaManager(), dn));
            for (String line : lines) {
                int colon = line.indexOf(": ");
                add(schema, entry, line.substring(0, colon), line.substring(colon + 2));
            }
            return entry;
        } catch (LdapInvalidDnException e) {
            throw new IllegalArgumentException("bad test DN " + dn, e);
        }
    }

    public static void add(DirectorySchema schema, DirectoryEntry entry, String description, String value) {
        AttributeDescription parsed = AttributeDescription.parse(description);
        EntryAttribute attribute = entry.get(parsed);
        if (attribute == null) {
            attribute = new EntryAttribute(parsed, schema.attributeType(parsed.type()), List.of());
            entry.attributes().add(attribute);
        }
        attribute.values().add(value.getBytes(StandardCharsets.UTF_8));
    }
}
