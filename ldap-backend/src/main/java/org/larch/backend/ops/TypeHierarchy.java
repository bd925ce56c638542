package org.larch.backend.ops;

import org.apache.directory.api.ldap.model.schema.AttributeType;

/** The attribute type hierarchy: {@code cn} is a subtype of {@code name}. */
final class TypeHierarchy {

    private TypeHierarchy() {}

    /** Whether {@code candidate} is {@code type} or one of its subtypes (by OID). */
    static boolean isSameOrSubtype(AttributeType candidate, AttributeType type) {
        for (AttributeType current = candidate; current != null; current = current.getSuperior()) {
            if (current.getOid().equals(type.getOid())) {
                return true;
            }
        }
        return false;
    }
}
