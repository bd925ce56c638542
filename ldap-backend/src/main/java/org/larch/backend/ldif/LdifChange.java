package org.larch.backend.ldif;

import java.util.List;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.larch.backend.request.EntryModification;

/** One LDIF record, as {@link ChangeRecords} reads it: an entry to add or a change to an existing entry. */
sealed interface LdifChange {
    Dn dn();

    int lineNumber();

    /** A content record or {@code changetype: add}: the attribute lines of the new entry. */
    record Add(Dn dn, int lineNumber, List<LdifLine> attributeLines) implements LdifChange {
    }

    record Delete(Dn dn, int lineNumber) implements LdifChange {
    }

    record Modify(Dn dn, int lineNumber, List<EntryModification> modifications) implements LdifChange {
    }

    /** {@code changetype: modrdn} or {@code moddn}; {@code newSuperior} null when the entry stays under its parent. */
    record ModifyDn(Dn dn, int lineNumber, Rdn newRdn, boolean deleteOldRdn, Dn newSuperior) implements LdifChange {
    }
}
