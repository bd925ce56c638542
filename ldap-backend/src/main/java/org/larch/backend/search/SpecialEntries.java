package org.larch.backend.search;

import org.larch.backend.entry.DirectoryEntry;

/** The entries that are not stored: the root DSE (DN "") and the subschema subentry (cn=Subschema). */
public interface SpecialEntries {

    /** The root DSE, built for this search. */
    DirectoryEntry rootDse();

    /** The subschema subentry, or null if there is none. */
    DirectoryEntry subschema();
}
