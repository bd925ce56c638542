package org.larch.backend.schema;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.LdapSyntax;
import org.apache.directory.api.ldap.model.schema.SyntaxChecker;
import org.larch.backend.LdapOperationException;
import org.larch.backend.match.MatchingRules;

/**
 * What the schema checker asks of a value: is it valid per its attribute type's syntax (the LDAP
 * API's syntax checkers), and what is its equality key (h/index's {@link MatchingRules}, the same
 * normalization filters, indexes and compare use), so two values are duplicates exactly when a filter
 * would find them equal.
 *
 * <p>Values of binary syntaxes (X-NOT-HUMAN-READABLE: JPEG, octet string, certificates...) are not
 * syntax-checked, as slapd does for blobs: the API's JPEG checker, for instance, refuses pictures that
 * are not JFIF.
 */
final class AttributeValues {
    private final MatchingRules matchingRules;

    AttributeValues(MatchingRules matchingRules) {
        this.matchingRules = matchingRules;
    }

    /** Whether {@code value} is valid per the syntax of {@code type}. */
    boolean isValid(AttributeType type, byte[] value) {
        LdapSyntax syntax = type.getSyntax();
        if (syntax == null || !syntax.isHumanReadable()) {
            return true;
        }
        String text = utf8OrNull(value);
        SyntaxChecker checker = syntax.getSyntaxChecker();
        return text != null && (checker == null || checker.isValidSyntax(text));
    }

    /** The value's equality key, or null when it cannot be normalized. */
    byte[] equalityKeyOrNull(AttributeType type, byte[] value) {
        try {
            return matchingRules.equalityKey(type, value);
        } catch (LdapOperationException invalid) {
            return null;
        }
    }

    /**
     * The value as text, or null when it is not UTF-8. ASCII (the usual case) needs no decoding;
     * other text is decoded leniently and encoded again: well-formed UTF-8 comes back byte for byte,
     * while a malformed sequence comes back as the replacement character's bytes, which it was not.
     */
    static String utf8OrNull(byte[] value) {
        if (isAscii(value)) {
            return new String(value, StandardCharsets.ISO_8859_1);
        }
        String text = new String(value, StandardCharsets.UTF_8);
        return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), value) ? text : null;
    }

    private static boolean isAscii(byte[] value) {
        for (byte b : value) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
