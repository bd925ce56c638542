package org.larch.backend.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.request.EntryModification;
import org.larch.backend.schema.DirectorySchema;

/** Builds entries and modifications for the operation tests, from LDIF-like text. */
final class TestEntries {
    private final DirectorySchema schema;

    TestEntries(DirectorySchema schema) {
        this.schema = schema;
    }

    /** An entry from {@code "attr: value"} lines; repeated descriptions add values to one attribute. */
    DirectoryEntry entry(String dn, String... lines) {
        DirectoryEntry entry = new DirectoryEntry(dn(dn));
        for (String line : lines) {
            int colon = line.indexOf(':');
            AttributeDescription description = AttributeDescription.parse(line.substring(0, colon));
            byte[] value = utf8(line.substring(colon + 1).trim());
            EntryAttribute attribute = entry.get(description);
            if (attribute == null) {
                entry.attributes().add(new EntryAttribute(
                        description, schema.attributeType(description.type()), List.of(value)));
            } else {
                attribute.values().add(value);
            }
        }
        return entry;
    }

    Dn dn(String text) {
        try {
            return new Dn(schema.schemaManager(), text);
        } catch (LdapException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static EntryModification modification(ModificationOperation operation, String description, String... values) {
        List<byte[]> bytes = new ArrayList<>();
        for (String value : values) {
            bytes.add(utf8(value));
        }
        return new EntryModification(operation, AttributeDescription.parse(description), bytes);
    }

    static List<String> texts(DirectoryEntry entry, String description) {
        EntryAttribute attribute = entry.get(description);
        if (attribute == null) {
            return List.of();
        }
        return attribute.values().stream().map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
