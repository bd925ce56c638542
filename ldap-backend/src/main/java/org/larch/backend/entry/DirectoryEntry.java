package org.larch.backend.entry;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.AttributeType;

/**
 * An entry as the backend holds it: its DN and its attributes in the order the client stored them.
 * Mutable; the backend copies before changing an entry read from a snapshot. The entry id is the
 * backend's internal id (0 when the entry is not stored yet).
 */
public final class DirectoryEntry {
    private Dn dn;
    private long id;
    private final List<EntryAttribute> attributes;

    public DirectoryEntry(Dn dn) {
        this(dn, 0, new ArrayList<>());
    }

    public DirectoryEntry(Dn dn, long id, List<EntryAttribute> attributes) {
        this.dn = dn;
        this.id = id;
        this.attributes = new ArrayList<>(attributes);
    }

    public Dn dn() {
        return dn;
    }

    public void dn(Dn newDn) {
        this.dn = newDn;
    }

    public long id() {
        return id;
    }

    public void id(long newId) {
        this.id = newId;
    }

    /** All attributes in stored order (the live list). */
    public List<EntryAttribute> attributes() {
        return attributes;
    }

    /** The attribute with exactly this description (type case-insensitive, same options), or null. */
    public EntryAttribute get(AttributeDescription description) {
        for (EntryAttribute attribute : attributes) {
            if (attribute.description().sameAs(description)) {
                return attribute;
            }
        }
        return null;
    }

    /** The attribute with this description text, or null. */
    public EntryAttribute get(String description) {
        return get(AttributeDescription.parse(description));
    }

    /**
     * Every attribute whose schema type is {@code type} (any options), in stored order; what a filter
     * on {@code cn} matches, including {@code cn;lang-en}.
     */
    public List<EntryAttribute> ofType(AttributeType type) {
        List<EntryAttribute> found = new ArrayList<>();
        for (EntryAttribute attribute : attributes) {
            AttributeType candidate = attribute.type();
            if (candidate != null && (candidate == type || candidate.getOid().equals(type.getOid()))) {
                found.add(attribute);
            }
        }
        return found;
    }

    /** Whether some attribute's schema type is {@code type} (any options): {@code !ofType(type).isEmpty()}, with no list. */
    public boolean hasType(AttributeType type) {
        for (EntryAttribute attribute : attributes) {
            AttributeType candidate = attribute.type();
            if (candidate != null && (candidate == type || candidate.getOid().equals(type.getOid()))) {
                return true;
            }
        }
        return false;
    }

    public DirectoryEntry copy() {
        List<EntryAttribute> copies = new ArrayList<>(attributes.size());
        for (EntryAttribute attribute : attributes) {
            copies.add(attribute.copy());
        }
        return new DirectoryEntry(dn, id, copies);
    }

    @Override
    public String toString() {
        return "DirectoryEntry[" + dn + ", id " + id + ", " + attributes + "]";
    }
}
