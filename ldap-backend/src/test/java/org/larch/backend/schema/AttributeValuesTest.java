package org.larch.backend.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.match.MatchingRules;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {
    private static final DirectorySchema SCHEMA = SharedSchema.get();
    private static final AttributeType CN = SCHEMA.attributeType("cn");
    private final AttributeValues values = new AttributeValues(new MatchingRules(SCHEMA.schemaManager()));

    @Test
    void wellFormedUtf8IsText() {
        assertTrue(values.isValid(CN, "Babs".getBytes(UTF_8)));
        assertTrue(values.isValid(CN, "Jürgen Ødegård 😀".getBytes(UTF_8)));
        assertEquals("a\uFFFDb", AttributeValues.utf8OrNull("a\uFFFDb".getBytes(UTF_8)),
                "the replacement character itself is well-formed");
        assertEquals("Ødegård", AttributeValues.utf8OrNull("Ødegård".getBytes(UTF_8)));
    }

    @Test
    void malformedUtf8IsNotText() {
        assertFalse(values.isValid(CN, bytes(0xC3)), "truncated");
        assertFalse(values.isValid(CN, bytes('a', 0xC3, 'b')), "truncated inside");
        assertFalse(values.isValid(CN, bytes(0xC0, 0x80)), "overlong");
        assertFalse(values.isValid(CN, bytes(0xED, 0xA0, 0x80)), "an encoded surrogate");
        assertFalse(values.isValid(CN, bytes(0xF4, 0x90, 0x80, 0x80)), "beyond U+10FFFF");
        assertFalse(values.isValid(CN, bytes(0xFF)));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int index = 0; index < values.length; index++) {
            bytes[index] = (byte) values[index];
        }
        return bytes;
    }
}
