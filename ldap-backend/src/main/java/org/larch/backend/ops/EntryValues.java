package org.larch.backend.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.match.MatchingRules;

/**
 * Finds attributes and values of an entry the way the schema sees them: {@code cn} and
 * {@code commonName} name the same attribute, {@code cn;lang-en} is another one, and values are the
 * same when their equality keys are ({@link MatchingRules}; bytes for types without an equality rule).
 * A value that is invalid for its syntax fails with INVALID_ATTRIBUTE_SYNTAX.
 */
final class EntryValues {
    private final MatchingRules rules;

    EntryValues(MatchingRules rules) {
        this.rules = rules;
    }

    /** The attribute of the entry with this type and the same options, or null. */
    EntryAttribute find(DirectoryEntry entry, AttributeType type, AttributeDescription description) {
        for (EntryAttribute attribute : entry.attributes()) {
            if (sameAttribute(attribute, type, description)) {
                return attribute;
            }
        }
        return null;
    }

    /** The position of a value equal to {@code value} in {@code values}, or -1. */
    int indexOf(AttributeType type, List<byte[]> values, byte[] value) {
        byte[] wanted = rules.equalityKey(type, value);
        for (int index = 0; index < values.size(); index++) {
            if (Arrays.equals(rules.equalityKey(type, values.get(index)), wanted)) {
                return index;
            }
        }
        return -1;
    }

    /** The position of the first value of {@code values} equal to an earlier one, or -1. */
    int firstDuplicate(AttributeType type, List<byte[]> values) {
        List<byte[]> seen = new ArrayList<>(values.size());
        for (int index = 0; index < values.size(); index++) {
            if (indexOf(type, seen, values.get(index)) >= 0) {
                return index;
            }
            seen.add(values.get(index));
        }
        return -1;
    }

    private static boolean sameAttribute(EntryAttribute attribute, AttributeType type, AttributeDescription description) {
        if (type == null || attribute.type() == null) {
            return attribute.description().sameAs(description);
        }
        return attribute.type().getOid().equals(type.getOid())
                && attribute.description().optionKeys().equals(description.optionKeys());
    }
}
