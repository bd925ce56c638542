package org.larch.backend.ops;

import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.FilterEvaluator;

/** RFC 4528: an operation with the assertion control proceeds only if its entry matches the filter. */
final class AssertionControl {
    /**
     * assertionFailed (122). The LDAP API's enum has no such constant, but its UNKNOWN carries the
     * value 122, so it goes on the wire as assertionFailed.
     */
    static final ResultCodeEnum ASSERTION_FAILED = ResultCodeEnum.UNKNOWN;

    private AssertionControl() {}

    /** Does nothing when {@code assertion} is null; else ASSERTION_FAILED unless the entry matches. */
    static void require(FilterEvaluator filters, ExprNode assertion, DirectoryEntry entry) {
        if (assertion != null && !filters.matches(assertion, entry)) {
            throw new LdapOperationException(ASSERTION_FAILED,
                    "assertion control: " + entry.dn().getName() + " does not match " + assertion);
        }
    }
}
