package org.larch.backend.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/** Builds the entries the server generates (subschema subentry, root DSE), types resolved by the schema. */
final class EntryBuilder {
    private final DirectorySchema schema;
    private final DirectoryEntry entry;

    EntryBuilder(DirectorySchema schema, String dn) {
        this.schema = schema;
        this.entry = new DirectoryEntry(schemaAwareDn(schema, dn));
    }

    /** Adds an attribute with these string values (UTF-8); an empty list adds nothing. */
    EntryBuilder add(String typeName, List<String> values) {
        if (values.isEmpty()) {
            return this;
        }
        List<byte[]> bytes = new ArrayList<>(values.size());
        for (String value : values) {
            bytes.add(value.getBytes(StandardCharsets.UTF_8));
        }
        entry.attributes().add(new EntryAttribute(AttributeDescription.parse(typeName),
                schema.requireAttributeType(typeName), bytes));
        return this;
    }

    EntryBuilder add(String typeName, String... values) {
        return add(typeName, List.of(values));
    }

    DirectoryEntry build() {
        return entry;
    }

    private static Dn schemaAwareDn(DirectorySchema schema, String dn) {
        try {
            return dn.isEmpty() ? new Dn(schema.schemaManager()) : new Dn(schema.schemaManager(), dn);
        } catch (LdapInvalidDnException e) {
            throw new IllegalArgumentException("invalid DN '" + dn + "': " + e.getMessage(), e);
        }
    }
}
