package org.larch.backend;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;

/**
 * An LDAP operation failed: carries the result code, the matched DN (the deepest existing ancestor of
 * a missing entry, or null) and a diagnostic message for the client. The one unchecked root of the
 * backend's errors; the protocol layer turns it into an LDAPResult.
 */
public final class LdapOperationException extends RuntimeException {
    /** RFC 4528 assertionFailed: the LDAP API's {@link ResultCodeEnum} has no constant for it. */
    public static final int ASSERTION_FAILED = 122;

    private final ResultCodeEnum resultCode;
    private final Dn matchedDn;
    private final int resultCodeValue;

    public LdapOperationException(ResultCodeEnum resultCode, String message) {
        this(resultCode, null, message);
    }

    public LdapOperationException(ResultCodeEnum resultCode, Dn matchedDn, String message) {
        this(resultCode, resultCode.getResultCode(), matchedDn, message);
    }

    private LdapOperationException(ResultCodeEnum resultCode, int resultCodeValue, Dn matchedDn, String message) {
        super(message);
        this.resultCode = resultCode;
        this.resultCodeValue = resultCodeValue;
        this.matchedDn = matchedDn;
    }

    /** assertionFailed (122): the assertion control's filter did not match the target entry. */
    public static LdapOperationException assertionFailed(String message) {
        return new LdapOperationException(ResultCodeEnum.OTHER, ASSERTION_FAILED, null, message);
    }

    public LdapOperationException(ResultCodeEnum resultCode, String message, Throwable cause) {
        super(message, cause);
        this.resultCode = resultCode;
        this.resultCodeValue = resultCode.getResultCode();
        this.matchedDn = null;
    }

    /** The result code; OTHER for a code the API's enum lacks (see {@link #resultCodeValue()}). */
    public ResultCodeEnum resultCode() {
        return resultCode;
    }

    /** The numeric result code to send: equals {@code resultCode()}'s except for codes such as 122. */
    public int resultCodeValue() {
        return resultCodeValue;
    }

    /** The deepest existing ancestor when the target was not found; null otherwise. */
    public Dn matchedDn() {
        return matchedDn;
    }
}
