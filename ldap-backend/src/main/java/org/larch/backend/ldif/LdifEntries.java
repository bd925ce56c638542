package org.larch.backend.ldif;

import java.util.List;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/**
 * Turns the lines of an LDIF content record (or of a {@code changetype: add} record) into a
 * {@link DirectoryEntry}: the DN parsed schema-aware (as written kept for storing), values of one
 * attribute description gathered in the order of their first line.
 */
final class LdifEntries {
    private final KnownDescriptions descriptions;
    private final ParsedDns dns;

    LdifEntries(DirectorySchema schema) {
        this.descriptions = new KnownDescriptions(schema);
        this.dns = new ParsedDns(schema.schemaManager());
    }

    /** The record's DN, schema-aware; a bad DN is an {@link LdifException} at the dn: line. */
    Dn dn(List<LdifLine> record, String file) {
        LdifLine dnLine = record.getFirst();
        try {
            return dns.parse(dnLine.text());
        } catch (LdapOperationException | IllegalArgumentException e) {
            throw new LdifException(new LdifProblem(file, dnLine.lineNumber(), null,
                    "invalid DN \"" + dnLine.text() + "\": " + e.getMessage()));
        }
    }

    /** {@code dn.getParent()} (for the DN this read last, without building it again). */
    Dn parentOf(Dn dn) {
        return dns.parentOf(dn);
    }

    /** The entry of the attribute lines {@code attributeLines} (the record without its dn: and changetype: lines). */
    DirectoryEntry entry(Dn dn, List<LdifLine> attributeLines) {
        DirectoryEntry entry = new DirectoryEntry(dn);
        List<EntryAttribute> attributes = entry.attributes(); // the live list: filled in place, not copied
        for (LdifLine line : attributeLines) {
            KnownDescriptions.Resolved resolved = descriptions.resolve(line.name());
            EntryAttribute existing = find(attributes, resolved.description());
            if (existing == null) {
                existing = new EntryAttribute(resolved.description(), resolved.type(), List.of());
                attributes.add(existing);
            }
            existing.values().add(line.value());
        }
        return entry;
    }

    /** The attribute of this description; the previous line's attribute is checked first (values come in runs). */
    private static EntryAttribute find(List<EntryAttribute> attributes, AttributeDescription description) {
        if (!attributes.isEmpty() && attributes.getLast().description() == description) {
            return attributes.getLast();
        }
        for (EntryAttribute attribute : attributes) {
            if (attribute.description().sameAs(description)) {
                return attribute;
            }
        }
        return null;
    }
}
