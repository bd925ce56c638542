package org.larch.backend.request;

import java.util.List;
import org.apache.directory.api.ldap.model.filter.ExprNode;

/**
 * The request controls an update (or compare) acts on inside its write transaction.
 *
 * @param assertion RFC 4528: the operation proceeds only if the target entry matches, else assertionFailed; null if absent
 * @param preRead RFC 4527: attributes of the entry before the change to return; null if absent
 * @param postRead RFC 4527: attributes of the entry after the change to return; null if absent
 * @param manageDsaIT RFC 3296: treat referral entries as ordinary entries
 * @param subtreeDelete draft-armijo-ldap-treedelete: a delete removes the whole subtree
 */
public record UpdateControls(
        ExprNode assertion, List<String> preRead, List<String> postRead, boolean manageDsaIT, boolean subtreeDelete) {

    public static final UpdateControls NONE = new UpdateControls(null, null, null, false, false);
}
