package org.larch.protocol.session;

import java.util.stream.Collectors;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.BranchNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.ExtensibleNode;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.OrNode;

/**
 * A filter as RFC 4515 text for the access log. The LDAP API's nodes print themselves in that form,
 * except the extensible match, which the API prints as its internal fields
 * ({@code (cn-false-EXTENSIBLE-caseExactMatch-0x78 )}); branches are walked here so a nested one prints
 * right too.
 */
public final class FilterText {

    private FilterText() {}

    public static String of(ExprNode filter) {
        return switch (filter) {
            case AndNode and -> branch("&", and);
            case OrNode or -> branch("|", or);
            case NotNode not -> "(!" + of(not.getFirstChild()) + ")";
            case ExtensibleNode extensible -> extensible(extensible);
            default -> filter.toString();
        };
    }

    private static String branch(String operator, BranchNode node) {
        return node.getChildren().stream().map(FilterText::of).collect(Collectors.joining("", "(" + operator, ")"));
    }

    /** {@code (type:dn:rule:=value)}, each of type, {@code :dn} and rule only when present. */
    private static String extensible(ExtensibleNode node) {
        StringBuilder text = new StringBuilder("(");
        if (node.getAttribute() != null) {
            text.append(node.getAttribute());
        }
        if (node.hasDnAttributes()) {
            text.append(":dn");
        }
        if (node.getMatchingRuleId() != null) {
            text.append(':').append(node.getMatchingRuleId());
        }
        return text.append(":=").append(node.getEscapedValue()).append(')').toString();
    }
}
