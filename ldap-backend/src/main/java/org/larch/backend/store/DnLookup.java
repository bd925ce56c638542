package org.larch.backend.store;

/**
 * Where a DN lookup ended: the entry's id when found, and the deepest existing entry on the way
 * (the entry itself when found; 0 when not even the suffix matched), for the matchedDN of
 * noSuchObject.
 */
public record DnLookup(long id, long matchedId) {

    public boolean found() {
        return id != EntryIds.NONE;
    }
}
