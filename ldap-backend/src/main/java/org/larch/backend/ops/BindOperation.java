package org.larch.backend.ops;

import java.nio.charset.StandardCharsets;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.auth.PasswordHashes;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.DnLookup;
import org.larch.backend.store.DnNames;
import org.larch.backend.store.StoreReader;

/**
 * Simple bind (RFC 4511 section 4.2, RFC 4513 section 5.1), as slapd answers it:
 * <ul>
 *   <li>empty DN and empty password: anonymous; empty DN with a password: INVALID_CREDENTIALS;
 *   <li>a DN with an empty password (an unauthenticated bind): UNWILLING_TO_PERFORM;
 *   <li>the rootdn: checked against {@code rootpw} (plain or {SCHEME}hashed); without a rootpw the
 *       rootdn binds like any entry, through its userPassword;
 *   <li>any other DN: the entry's userPassword values (plain or hashed).
 * </ul>
 * An unknown DN and a wrong password get the same answer, INVALID_CREDENTIALS "invalid credentials",
 * so a client cannot learn which DNs exist.
 */
public final class BindOperation {
    private static final String INVALID = "invalid credentials";

    private final OperationContext context;
    private final AttributeType userPassword;
    private final Dn rootDn;

    public BindOperation(OperationContext context) {
        this.context = context;
        this.userPassword = context.schema().requireAttributeType("userPassword");
        String configured = context.settings().rootDn();
        this.rootDn = configured == null || configured.isBlank()
                ? null
                : DnNames.parse(context.schema().schemaManager(), configured);
    }

    public Identity run(Dn dn, byte[] password) {
        if (dn == null || dn.isEmpty()) {
            return anonymous(password);
        }
        if (password.length == 0) {
            throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM,
                    "unauthenticated bind (DN with no password) disallowed");
        }
        Dn bindDn = schemaAware(dn);
        String rootPassword = context.settings().rootPassword();
        if (bindDn.equals(rootDn) && rootPassword != null) {
            requireMatch(PasswordHashes.verify(rootPassword.getBytes(StandardCharsets.UTF_8), password));
            return new Identity(bindDn, true);
        }
        requireMatch(entryPasswordMatches(bindDn, password));
        return new Identity(bindDn, bindDn.equals(rootDn));
    }

    private static Identity anonymous(byte[] password) {
        if (password.length != 0) {
            throw new LdapOperationException(ResultCodeEnum.INVALID_CREDENTIALS, INVALID);
        }
        return Identity.anonymous();
    }

    /** The DN made schema-aware; a DN the schema cannot parse is treated as unknown. */
    private Dn schemaAware(Dn dn) {
        try {
            return DnNames.schemaAware(context.schema().schemaManager(), dn);
        } catch (LdapOperationException e) {
            throw new LdapOperationException(ResultCodeEnum.INVALID_CREDENTIALS, INVALID);
        }
    }

    private boolean entryPasswordMatches(Dn dn, byte[] password) {
        DirectoryStore store = context.store();
        try (StoreReader reader = store.beginRead()) {
            DnLookup lookup = reader.lookup(dn);
            if (!lookup.found()) {
                return false;
            }
            DirectoryEntry entry = reader.entry(lookup.id());
            for (EntryAttribute attribute : entry.ofType(userPassword)) {
                for (byte[] stored : attribute.values()) {
                    if (PasswordHashes.verify(stored, password)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static void requireMatch(boolean matches) {
        if (!matches) {
            throw new LdapOperationException(ResultCodeEnum.INVALID_CREDENTIALS, INVALID);
        }
    }
}
