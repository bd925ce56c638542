package org.larch.backend;

import java.util.List;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.EntryModification;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSink;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;
import org.larch.backend.schema.DirectorySchema;

/**
 * The directory as the protocol layer sees it: one method per LDAP operation. Every method either
 * returns its outcome or throws {@link LdapOperationException} with the result code, matched DN and
 * diagnostic message to send. Thread-safe: searches run concurrently in read transactions, updates
 * are serialized by the storage engine's single writer.
 */
public interface Directory extends AutoCloseable {

    DirectorySchema schema();

    /**
     * Simple bind. An empty DN with an empty password is an anonymous bind. The rootdn checks against
     * {@code rootpw}; any other DN against the entry's {@code userPassword} (plain or hashed values).
     * Wrong password or unknown DN: INVALID_CREDENTIALS.
     */
    Identity bind(Dn dn, byte[] password);

    /** Runs a search in one read transaction (renewed every {@code rtxnsize} entries). */
    SearchOutcome search(Identity who, SearchSpec spec, SearchSink sink);

    UpdateOutcome add(Identity who, DirectoryEntry entry, UpdateControls controls);

    UpdateOutcome delete(Identity who, Dn dn, UpdateControls controls);

    UpdateOutcome modify(Identity who, Dn dn, List<EntryModification> modifications, UpdateControls controls);

    /** @param newSuperior the new parent, or null to stay under the same parent */
    UpdateOutcome modifyDn(Identity who, Dn dn, Rdn newRdn, boolean deleteOldRdn, Dn newSuperior, UpdateControls controls);

    /** True if the entry holds the value (COMPARE_TRUE), false otherwise (COMPARE_FALSE). */
    boolean compare(Identity who, Dn dn, String attributeDescription, byte[] value, UpdateControls controls);

    /**
     * RFC 3062 Password Modify. {@code target} null means the bound user; {@code newPassword} null means
     * generate one, which is returned (else null). The new value is stored hashed ({SSHA}).
     */
    byte[] modifyPassword(Identity who, Dn target, byte[] oldPassword, byte[] newPassword);

    @Override
    void close();
}
