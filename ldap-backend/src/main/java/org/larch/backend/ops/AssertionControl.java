package org.larch.backend.ops;

import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.FilterEvaluator;

/**
 * RFC 4528: an operation with the assertion control proceeds only if its entry (a search: its base)
 * matches the filter, evaluated with the requester's access rights ({@link ReadableTypes}), so an
 * assertion on a value the requester may not read is Undefined and fails.
 */
public final class AssertionControl {
    /**
     * assertionFailed (122). The LDAP API's enum has no such constant, but its UNKNOWN carries the
     * value 122, so it goes on the wire as assertionFailed.
     */
    public static final ResultCodeEnum ASSERTION_FAILED = ResultCodeEnum.UNKNOWN;

    private AssertionControl() {}

    /** Does nothing when {@code assertion} is null; else ASSERTION_FAILED unless the entry matches for {@code who}. */
    public static void require(FilterEvaluator filters, Identity who, ExprNode assertion, DirectoryEntry entry) {
        if (assertion != null && !filters.compile(assertion, ReadableTypes.of(who, entry.dn())).matches(entry)) {
            throw new LdapOperationException(ASSERTION_FAILED,
                    "assertion control: " + entry.dn().getName() + " does not match " + assertion);
        }
    }
}
