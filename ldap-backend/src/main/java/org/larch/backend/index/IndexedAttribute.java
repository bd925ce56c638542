package org.larch.backend.index;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.storage.Dbi;

/**
 * One indexed attribute type: its kinds and its sub-database. It indexes the values of its type and
 * of the type's subtypes, with any options, because a filter on the type matches all of those.
 * {@code ready} is false while the index is stale (configured kinds differ from what it holds): it is
 * maintained but not used for candidates until rebuilt.
 */
final class IndexedAttribute {
    private final AttributeType type;
    private final Set<IndexKind> kinds;
    private final Dbi dbi;
    private volatile boolean ready;
    /** Schema type → whether this index covers it; types hash by a stored code and are found by identity. */
    private final Map<AttributeType, Boolean> coveredTypes = new ConcurrentHashMap<>();

    IndexedAttribute(AttributeType type, Set<IndexKind> kinds, Dbi dbi, boolean ready) {
        this.type = type;
        this.kinds = Set.copyOf(kinds);
        this.dbi = dbi;
        this.ready = ready;
    }

    static String databaseName(AttributeType type) {
        return "idx." + canonicalName(type);
    }

    static String canonicalName(AttributeType type) {
        return (type.getName() != null ? type.getName() : type.getOid()).toLowerCase(Locale.ROOT);
    }

    AttributeType type() {
        return type;
    }

    Set<IndexKind> kinds() {
        return kinds;
    }

    Dbi dbi() {
        return dbi;
    }

    boolean ready() {
        return ready;
    }

    void markReady() {
        ready = true;
    }

    void markStale() {
        ready = false;
    }

    /** Every key the entry has in this index (none for a null entry). */
    Set<IndexKey> keysOf(DirectoryEntry entry, IndexKeyMaker keyMaker) {
        Set<IndexKey> keys = new LinkedHashSet<>();
        if (entry == null) {
            return keys;
        }
        for (EntryAttribute attribute : entry.attributes()) {
            if (covers(attribute.type())) {
                for (byte[] value : attribute.values()) {
                    keyMaker.addValueKeys(type, kinds, value, keys);
                }
            }
        }
        return keys;
    }

    /** Whether values of {@code candidate} belong in this index; remembered per type (the schema's types: bounded). */
    private boolean covers(AttributeType candidate) {
        if (candidate == null) {
            return false;
        }
        if (candidate == type) {
            return true;
        }
        if (candidate.getSuperior() == null) {
            return candidate.getOid().equals(type.getOid()); // a type with no superior descends from nothing
        }
        Boolean known = coveredTypes.get(candidate);
        if (known == null) {
            known = candidate.getOid().equals(type.getOid()) || candidate.isDescendantOf(type);
            coveredTypes.put(candidate, known);
        }
        return known;
    }
}
