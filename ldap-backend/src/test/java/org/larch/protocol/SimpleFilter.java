package org.larch.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.ApproximateNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.GreaterEqNode;
import org.apache.directory.api.ldap.model.filter.LessEqNode;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.ObjectClassNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.apache.directory.api.ldap.model.filter.PresenceNode;
import org.apache.directory.api.ldap.model.filter.SimpleNode;
import org.apache.directory.api.ldap.model.filter.SubstringNode;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/**
 * Test fixture: a case-insensitive string filter evaluator, just enough for the protocol tests' in-memory
 * directory (the real evaluator is the backend's FilterEvaluator).
 */
final class SimpleFilter {
    private SimpleFilter() {}

    static boolean matches(ExprNode filter, DirectoryEntry entry) {
        return switch (filter) {
            case AndNode and -> and.getChildren().stream().allMatch(child -> matches(child, entry));
            case OrNode or -> or.getChildren().stream().anyMatch(child -> matches(child, entry));
            case NotNode not -> !matches(not.getFirstChild(), entry);
            case ObjectClassNode any -> true;
            case PresenceNode presence -> entry.get(presence.getAttribute()) != null;
            case SubstringNode substring -> anyValue(entry, substring.getAttribute(), value -> substring(substring, value));
            case EqualityNode<?> equality -> anyValue(entry, equality.getAttribute(), value -> value.equals(text(equality)));
            case ApproximateNode<?> approx -> anyValue(entry, approx.getAttribute(), value -> value.equals(text(approx)));
            case GreaterEqNode<?> greater -> anyValue(entry, greater.getAttribute(), value -> value.compareTo(text(greater)) >= 0);
            case LessEqNode<?> less -> anyValue(entry, less.getAttribute(), value -> value.compareTo(text(less)) <= 0);
            default -> false;
        };
    }

    private static String text(SimpleNode<?> node) {
        return node.getValue().getString().toLowerCase(Locale.ROOT);
    }

    private static boolean substring(SubstringNode node, String value) {
        int position = 0;
        if (node.getInitial() != null) {
            if (!value.startsWith(node.getInitial().toLowerCase(Locale.ROOT))) {
                return false;
            }
            position = node.getInitial().length();
        }
        for (String any : node.getAny() == null ? java.util.List.<String>of() : node.getAny()) {
            int found = value.indexOf(any.toLowerCase(Locale.ROOT), position);
            if (found < 0) {
                return false;
            }
            position = found + any.length();
        }
        return node.getFinal() == null || value.substring(position).endsWith(node.getFinal().toLowerCase(Locale.ROOT));
    }

    private static boolean anyValue(DirectoryEntry entry, String attribute, java.util.function.Predicate<String> test) {
        EntryAttribute found = entry.get(attribute);
        if (found == null) {
            return false;
        }
        return found.values().stream()
                .map(value -> new String(value, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
                .anyMatch(test);
    }
}
