package org.larch.backend.ldif;

import java.util.HashMap;
import java.util.Map;
import org.apache.directory.api.ldap.model.name.Dn;

/**
 * The ids of parent entries an import has found or added, by DN: entries of a file that alternate
 * between a few containers (round robin over organizational units) find their parent here instead of
 * walking dn2id down from the suffix. Valid as long as no entry is deleted or moved: a change record
 * {@link #forget}s them all. Holds at most {@link #CAPACITY} parents, then starts over. Keyed by the
 * normalized DN (the import's DNs are schema-aware, so equal normalized names are the same entry):
 * comparing strings is cheaper than {@code Dn.equals}.
 */
final class KnownParents {
    static final int CAPACITY = 4096;

    private final Map<String, Long> ids = new HashMap<>();

    /** The id of the entry at {@code parentDn} (schema-aware), or -1 if it is not known here. */
    long idOf(Dn parentDn) {
        Long id = ids.get(parentDn.getNormName());
        return id == null ? -1 : id;
    }

    /** Notes that the entry at {@code parentDn} exists with {@code id}. */
    void remember(Dn parentDn, long id) {
        if (ids.size() >= CAPACITY) {
            ids.clear();
        }
        ids.put(parentDn.getNormName(), id);
    }

    /** Forgets every parent (an entry was deleted or moved). */
    void forget() {
        ids.clear();
    }
}
