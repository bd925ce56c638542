package org.larch.backend;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;

/**
 * An LDAP operation failed: carries the result code, the matched DN (the deepest existing ancestor of
 * a missing entry, or null) and a diagnostic message for the client. The one unchecked root of the
 * backend's errors; the protocol layer turns it into an LDAPResult.
 */
public final class LdapOperationException extends RuntimeException {
    private final ResultCodeEnum resultCode;
    private final Dn matchedDn;

    public LdapOperationException(ResultCodeEnum resultCode, String message) {
        this(resultCode, null, message);
    }

    public LdapOperationException(ResultCodeEnum resultCode, Dn matchedDn, String message) {
        super(message);
        this.resultCode = resultCode;
        this.matchedDn = matchedDn;
    }

    public LdapOperationException(ResultCodeEnum resultCode, String message, Throwable cause) {
        super(message, cause);
        this.resultCode = resultCode;
        this.matchedDn = null;
    }

    public ResultCodeEnum resultCode() {
        return resultCode;
    }

    /** The deepest existing ancestor when the target was not found; null otherwise. */
    public Dn matchedDn() {
        return matchedDn;
    }
}
