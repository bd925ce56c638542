package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.junit.jupiter.api.Test;

/** Golden text of the LDIF encoding. */
class LdifTextTest {
    @Test
    void goldenRecord() throws Exception {
        String record = LdifText.record(LdifFixtures.entry("cn=Ärger,dc=example,dc=com",
                "objectClass", "device", "cn", "Ärger", "description", " lead", "l", "", "seeAlso",
                "cn=" + "a".repeat(80)));
        assertEquals("""
                dn:: Y249w4RyZ2VyLGRjPWV4YW1wbGUsZGM9Y29t
                objectClass: device
                cn:: w4RyZ2Vy
                description:: IGxlYWQ=
                l:
                seeAlso: cn=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                 aaaaaaaaaaaaaaaa

                """, record);
    }

    @Test
    void longLinesFoldAtSeventySixCharactersWhateverTheirLength() {
        for (int length = 60; length < 240; length++) {
            String value = "v".repeat(length);
            String name = "x-" + "n".repeat(length % 90);
            byte[] binary = ("ä" + "b".repeat(length)).getBytes(StandardCharsets.UTF_8);
            DirectoryEntry entry = new DirectoryEntry(null, 0, List.of(
                    attribute("description", value.getBytes(StandardCharsets.UTF_8)), attribute(name, binary)));

            String expected = folded("dn: cn=x,dc=example,dc=com") + folded("description: " + value)
                    + folded(name + ":: " + Base64.getEncoder().encodeToString(binary)) + "\n";
            assertEquals(expected, LdifText.record("cn=x,dc=example,dc=com", entry), "length " + length);
        }
    }

    /** RFC 2849 folding written out plainly: 76 characters, then lines of a space and 75 more. */
    private static String folded(String line) {
        StringBuilder out = new StringBuilder(line.substring(0, Math.min(76, line.length()))).append('\n');
        for (int start = 76; start < line.length(); start += 75) {
            out.append(' ').append(line, start, Math.min(line.length(), start + 75)).append('\n');
        }
        return out.toString();
    }

    private static EntryAttribute attribute(String name, byte[] value) {
        return new EntryAttribute(AttributeDescription.parse(name), null, List.of(value));
    }

    @Test
    void safeStrings() {
        assertTrue(LdifText.isSafe(bytes("plain text")));
        assertFalse(LdifText.isSafe(bytes(":colon")));
        assertFalse(LdifText.isSafe(bytes("<less")));
        assertFalse(LdifText.isSafe(bytes("trailing ")));
        assertFalse(LdifText.isSafe(bytes("cr\rinside")));
        assertFalse(LdifText.isSafe(new byte[] {'a', 0}));
        assertFalse(LdifText.isSafe(bytes("ä")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
