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
 * A value the rule cannot normalize (not valid for the syntax) does not match. Only attributes of
 * the {@code readable} types are looked at (what the requester may read).
 */
final class ItemMatcher {
    private final FilterAttribute attribute;
    private final Predicate<byte[]> valueTest;
    private final boolean dnAttributes;
    private final Predicate<AttributeType> readable;

    ItemMatcher(FilterAttribute attribute, Predicate<byte[]> valueTest, boolean dnAttributes) {
        this(attribute, valueTest, dnAttributes, type -> true);
    }

    private ItemMatcher(FilterAttribute attribute, Predicate<byte[]> valueTest, boolean dnAttributes,
            Predicate<AttributeType> readable) {
        this.attribute = attribute;
        this.valueTest = valueTest;
        this.dnAttributes = dnAttributes;
        this.readable = readable;
    }

    /** Whether the item's own type (if it names one) is readable: else the whole item is Undefined. */
    boolean readableBy(Predicate<AttributeType> readableTypes) {
        return attribute == null || readableTypes.test(attribute.type());
    }

    /** This matcher looking only at attributes of readable types. */
    ItemMatcher restrictedTo(Predicate<AttributeType> readableTypes) {
        return new ItemMatcher(attribute, valueTest, dnAttributes, readableTypes);
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
        if (candidate.type() == null || !readable.test(candidate.type())) {
            return false;
        }
        return attribute == null || attribute.selects(candidate);
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
                boolean selected = type != null && readable.test(type)
                        && (attribute == null || attribute.selectsType(type));
                if (selected && matchesValue(ava.getValue().getString().getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        return false;
    }
}
