package org.larch.backend.ops;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Set<ByteBuffer> seen = new HashSet<>();
        for (int index = 0; index < values.size(); index++) {
            if (!seen.add(key(type, values.get(index)))) {
                return index;
            }
        }
        return -1;
    }

    /**
     * The equality keys of {@code values} with the position of the first value of each, so that
     * looking up many values in a large attribute (a group's members) normalizes each value once.
     */
    Map<ByteBuffer, Integer> positionsByKey(AttributeType type, List<byte[]> values) {
        Map<ByteBuffer, Integer> positions = new HashMap<>(values.size() * 2);
        for (int index = values.size() - 1; index >= 0; index--) {
            positions.put(key(type, values.get(index)), index);
        }
        return positions;
    }

    /** The value's equality key, as a map key. */
    ByteBuffer key(AttributeType type, byte[] value) {
        return ByteBuffer.wrap(rules.equalityKey(type, value));
    }

    private static boolean sameAttribute(EntryAttribute attribute, AttributeType type, AttributeDescription description) {
        if (type == null || attribute.type() == null) {
            return attribute.description().sameAs(description);
        }
        return attribute.type().getOid().equals(type.getOid())
                && attribute.description().optionKeys().equals(description.optionKeys());
    }
}
