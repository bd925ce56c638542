package org.larch.backend.schema;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.exception.LdapInvalidAttributeValueException;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.LdapSyntax;

/**
 * Validates a value against its attribute type's syntax and normalizes it by the type's equality
 * rule, through the LDAP API's {@link Value} (its syntax checkers and normalizers). Two values are
 * duplicates when their normalized forms are equal.
 *
 * <p>Values of binary syntaxes (X-NOT-HUMAN-READABLE: JPEG, octet string, certificates...) are taken
 * as they are and compared byte for byte, as slapd does for blobs: the API's JPEG checker, for
 * instance, refuses pictures that are not JFIF.
 */
final class AttributeValues {

    private AttributeValues() {}

    /** The value normalized for equality, or null when it fails the syntax of {@code type}. */
    static String normalizedOrNull(AttributeType type, byte[] value) {
        if (!isHumanReadable(type)) {
            return "#" + HexFormat.of().formatHex(value);
        }
        String text = utf8OrNull(value);
        if (text == null) {
            return null;
        }
        try {
            return new Value(type, text).getNormalized();
        } catch (LdapInvalidAttributeValueException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isHumanReadable(AttributeType type) {
        LdapSyntax syntax = type.getSyntax();
        return syntax == null || syntax.isHumanReadable();
    }

    private static String utf8OrNull(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
