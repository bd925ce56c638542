package org.larch.backend.ops;

import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Ava;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.LdapOperationException;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/**
 * What a ModifyDN request does to the renamed entry's attributes (RFC 4511 section 4.9): the new RDN's
 * values are added when missing; with deleteOldRDN the old RDN's values that the new RDN does not
 * repeat are removed. A case-only rename ({@code cn=bob} to {@code cn=Bob}) with deleteOldRDN rewrites
 * the value in the new spelling, so the entry and its DN agree. Pure logic, on a copy.
 */
public final class RdnChange {
    private final DirectorySchema schema;
    private final EntryValues values;

    public RdnChange(DirectorySchema schema, MatchingRules rules) {
        this.schema = schema;
        this.values = new EntryValues(rules);
    }

    /** The entry's attributes after renaming from {@code oldRdn} to {@code newRdn}; the DN is left alone. */
    public DirectoryEntry apply(DirectoryEntry before, Rdn oldRdn, Rdn newRdn, boolean deleteOldRdn) {
        DirectoryEntry after = before.copy();
        if (deleteOldRdn) {
            for (Ava old : oldRdn) {
                if (!contains(newRdn, old)) {
                    removeValue(after, old);
                }
            }
        }
        for (Ava added : newRdn) {
            addOrRespell(after, added, deleteOldRdn && contains(oldRdn, added));
        }
        return after;
    }

    private void removeValue(DirectoryEntry entry, Ava ava) {
        AttributeType type = resolve(ava);
        EntryAttribute attribute = values.find(entry, type, plain(ava));
        if (attribute == null) {
            return;
        }
        int index = values.indexOf(type, attribute.values(), ava.getValue().getBytes());
        if (index >= 0) {
            attribute.values().remove(index);
        }
        if (attribute.values().isEmpty()) {
            entry.attributes().remove(attribute);
        }
    }

    /** Adds the value, or when {@code respell} rewrites an equal value in the new RDN's spelling. */
    private void addOrRespell(DirectoryEntry entry, Ava ava, boolean respell) {
        AttributeType type = resolve(ava);
        byte[] value = ava.getValue().getBytes();
        EntryAttribute attribute = values.find(entry, type, plain(ava));
        if (attribute == null) {
            entry.attributes().add(new EntryAttribute(plain(ava), type, List.of(value)));
            return;
        }
        int index = values.indexOf(type, attribute.values(), value);
        if (index < 0) {
            attribute.values().add(value);
        } else if (respell) {
            attribute.values().set(index, value);
        }
    }

    private boolean contains(Rdn rdn, Ava wanted) {
        AttributeType type = resolve(wanted);
        for (Ava ava : rdn) {
            AttributeType other = resolve(ava);
            if (other.getOid().equals(type.getOid())
                    && values.indexOf(type, List.of(ava.getValue().getBytes()), wanted.getValue().getBytes()) >= 0) {
                return true;
            }
        }
        return false;
    }

    private AttributeType resolve(Ava ava) {
        AttributeType type = schema.attributeType(ava.getType());
        if (type == null) {
            throw new LdapOperationException(ResultCodeEnum.UNDEFINED_ATTRIBUTE_TYPE,
                    ava.getType() + ": attribute type undefined");
        }
        return type;
    }

    private static AttributeDescription plain(Ava ava) {
        return new AttributeDescription(ava.getType(), ava.getType(), List.of());
    }
}
