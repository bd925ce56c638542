package org.larch.backend.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/** Builds entries for tests from LDIF-like lines ({@code "cn: Babs"}), values grouped by description. */
final class TestEntries {

    private TestEntries() {}

    static DirectoryEntry entry(DirectorySchema schema, String dn, String... lines) {
        DirectoryEntry entry = new DirectoryEntry(parseDn(schema, dn));
        for (String line : lines) {
            int colon = line.indexOf(':');
            String description = line.substring(0, colon).trim();
            byte[] value = line.substring(colon + 1).trim().getBytes(StandardCharsets.UTF_8);
            EntryAttribute attribute = entry.get(description);
            if (attribute == null) {
                AttributeDescription parsed = AttributeDescription.parse(description);
                attribute = new EntryAttribute(parsed, schema.attributeType(parsed.type()), new ArrayList<>());
                entry.attributes().add(attribute);
            }
            attribute.values().add(value);
        }
        return entry;
    }

    static List<String> values(DirectoryEntry entry, String description) {
        EntryAttribute attribute = entry.get(description);
        return attribute == null
                ? List.of()
                : attribute.values().stream().map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }

    private static Dn parseDn(DirectorySchema schema, String dn) {
        try {
            return new Dn(schema.schemaManager(), dn);
        } catch (LdapInvalidDnException e) {
            throw new IllegalArgumentException(dn, e);
        }
    }
}
