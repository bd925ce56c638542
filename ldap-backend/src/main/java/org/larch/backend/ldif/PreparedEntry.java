package org.larch.backend.ldif;

import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.index.EntryIndexKeys;

/**
 * An entry of the file made ready to store without the store: schema-checked, stamped with its
 * operational attributes and its index keys computed, or with the schema's objection ({@code failure},
 * then not stamped and no keys), which is raised only when the entry's turn to be stored comes, so
 * that problems are reported in the order they would be without the preparation ahead.
 * {@code parentDn} is the parent's DN when the entry lies below the suffix, null when it is the suffix
 * entry or lies outside the suffix (the reader thread works out the DNs, the writer only looks them up).
 * {@code firstOfItsDn}: no earlier record of the file named this DN ({@link SeenDns}; false may also
 * mean a hash collision), so under a parent the import created, the entry cannot exist yet.
 */
record PreparedEntry(DirectoryEntry entry, int lineNumber, EntryIndexKeys keys, LdapOperationException failure,
        boolean uuidFromFile, Dn parentDn, boolean firstOfItsDn) {
    static PreparedEntry failed(DirectoryEntry entry, int lineNumber, LdapOperationException failure, boolean uuidFromFile,
            Dn parentDn, boolean firstOfItsDn) {
        return new PreparedEntry(entry, lineNumber, null, failure, uuidFromFile, parentDn, firstOfItsDn);
    }

    /** Throws the schema's objection, if any. */
    void requireValid() {
        if (failure != null) {
            throw failure;
        }
    }
}
