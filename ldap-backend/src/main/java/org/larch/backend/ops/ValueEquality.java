package org.larch.backend.ops;

import java.util.Arrays;
import org.apache.directory.api.ldap.model.schema.AttributeType;

/**
 * Whether two values of an attribute are the same value under the attribute's equality rule: what
 * decides that "Bob" is already present in {@code cn: bob}. Production code passes
 * {@code MatchingRules::equal}; a type without an equality rule (or unknown to the schema) compares
 * its bytes, as slapd does for such values.
 */
@FunctionalInterface
public interface ValueEquality {

    boolean equal(AttributeType type, byte[] a, byte[] b);

    /** This equality, but comparing bytes where the type has no equality rule. */
    default ValueEquality orBytesWithoutRule() {
        return (type, a, b) -> type == null || type.getEquality() == null ? Arrays.equals(a, b) : equal(type, a, b);
    }
}
