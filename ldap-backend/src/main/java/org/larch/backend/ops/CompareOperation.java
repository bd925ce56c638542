package org.larch.backend.ops;

import java.util.Arrays;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.access.AccessPolicy;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.store.StoreReader;

/**
 * LDAP Compare (RFC 4511 section 4.10), in one read transaction: true (compareTrue) when the entry
 * holds the value in the attribute or one of its subtypes, under the type's equality rule; false
 * (compareFalse) when the attribute is there without the value. As slapd answers: an attribute the
 * entry lacks is NO_SUCH_ATTRIBUTE, a type the schema lacks UNDEFINED_ATTRIBUTE_TYPE, a type without
 * an equality rule INAPPROPRIATE_MATCHING, a value the reader may not see INSUFFICIENT_ACCESS_RIGHTS.
 */
public final class CompareOperation {
    private final OperationContext context;

    public CompareOperation(OperationContext context) {
        this.context = context;
    }

    public boolean run(Identity who, Dn dn, String attributeDescription, byte[] value, UpdateControls controls) {
        AttributeDescription description = AttributeDescription.parse(attributeDescription);
        AttributeType type = requireComparableType(description);
        try (StoreReader reader = context.store().beginRead()) {
            DirectoryEntry entry = reader.requireEntry(dn);
            if (!AccessPolicy.canCompare(who, entry.dn(), type)) {
                throw new LdapOperationException(ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS,
                        "no compare access to " + description.text() + " of " + entry.dn().getName());
            }
            AssertionControl.require(context.filters(), who, controls.assertion(), entry);
            return holds(entry, type, description, value);
        }
    }

    private AttributeType requireComparableType(AttributeDescription description) {
        AttributeType type = context.schema().attributeType(description.type());
        if (type == null) {
            throw new LdapOperationException(ResultCodeEnum.UNDEFINED_ATTRIBUTE_TYPE,
                    description.text() + ": attribute type undefined");
        }
        if (type.getEquality() == null) {
            throw new LdapOperationException(ResultCodeEnum.INAPPROPRIATE_MATCHING,
                    description.text() + ": attribute type has no equality matching rule");
        }
        return type;
    }

    private boolean holds(DirectoryEntry entry, AttributeType type, AttributeDescription description, byte[] value) {
        byte[] wanted = context.rules().equalityKey(type, value);
        boolean attributeFound = false;
        for (EntryAttribute attribute : entry.attributes()) {
            if (attribute.type() == null || !TypeHierarchy.isSameOrSubtype(attribute.type(), type)
                    || !attribute.description().optionKeys().containsAll(description.optionKeys())) {
                continue;
            }
            attributeFound = true;
            for (byte[] stored : attribute.values()) {
                if (Arrays.equals(context.rules().equalityKey(type, stored), wanted)) {
                    return true;
                }
            }
        }
        if (!attributeFound) {
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_ATTRIBUTE,
                    description.text() + ": no such attribute in " + entry.dn().getName());
        }
        return false;
    }
}
