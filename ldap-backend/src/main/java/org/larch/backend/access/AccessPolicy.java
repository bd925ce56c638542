package org.larch.backend.access;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;

/**
 * The access rules until configurable ACLs arrive: anyone may read everything but
 * {@code userPassword}; the rootdn may do anything; a bound user may change its own entry (and read
 * its own password for nothing but binding). Bind itself reads passwords without going through here.
 */
public final class AccessPolicy {
    private static final String USER_PASSWORD_OID = "2.5.4.35";

    private AccessPolicy() {}

    /** May {@code who} see values of {@code type} in the entry {@code entryDn}? */
    public static boolean canRead(Identity who, Dn entryDn, AttributeType type) {
        if (who.root() || type == null) {
            return true;
        }
        return !USER_PASSWORD_OID.equals(type.getOid());
    }

    /** May {@code who} compare against values of {@code type}? Same as reading. */
    public static boolean canCompare(Identity who, Dn entryDn, AttributeType type) {
        return canRead(who, entryDn, type);
    }

    /** Throws INSUFFICIENT_ACCESS_RIGHTS unless {@code who} may change the entry {@code entryDn}. */
    public static void requireWrite(Identity who, Dn entryDn) {
        if (who.root()) {
            return;
        }
        if (!who.isAnonymous() && who.dn().equals(entryDn)) {
            return;
        }
        throw new LdapOperationException(
                ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS,
                "no write access to " + entryDn.getName() + " for "
                        + (who.isAnonymous() ? "anonymous" : who.dn().getName()));
    }
}
