package org.larch.backend.filter;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.apache.directory.api.ldap.model.name.Ava;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/**
 * One filter item compiled against the schema: the attributes it looks at ({@code attribute}, or
 * every attribute when null, as an extensible match without a type) and the test each value must
 * pass. With {@code dnAttributes} the values of the entry's RDNs count too (extensible {@code :dn:}).
 * A value the rule cannot normalize (not valid for the syntax) does not match.
 */
final class ItemMatcher {
    private final FilterAttribute attribute;
    private final Predicate<byte[]> valueTest;
    private final boolean dnAttributes;

    ItemMatcher(FilterAttribute attribute, Predicate<byte[]> valueTest, boolean dnAttributes) {
        this.attribute = attribute;
        this.valueTest = valueTest;
        this.dnAttributes = dnAttributes;
    }

    boolean matchesEntry(DirectoryEntry entry, DirectorySchema schema) {
        for (EntryAttribute candidate : entry.attributes()) {
            if (selects(candidate) && anyValueMatches(candidate)) {
                return true;
            }
        }
        return dnAttributes && anyRdnValueMatches(entry, schema);
    }

    boolean selects(EntryAttribute candidate) {
        return attribute == null ? candidate.type() != null : attribute.selects(candidate);
    }

    boolean matchesValue(byte[] value) {
        try {
            return valueTest.test(value);
        } catch (LdapOperationException invalidValue) {
            return false;
        }
    }

    private boolean anyValueMatches(EntryAttribute candidate) {
        for (byte[] value : candidate.values()) {
            if (matchesValue(value)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyRdnValueMatches(DirectoryEntry entry, DirectorySchema schema) {
        for (Rdn rdn : entry.dn().getRdns()) {
            for (Ava ava : rdn) {
                AttributeType type = schema.attributeType(ava.getType());
                boolean selected = attribute == null ? type != null : attribute.selectsType(type);
                if (selected && matchesValue(ava.getValue().getString().getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        return false;
    }
}
