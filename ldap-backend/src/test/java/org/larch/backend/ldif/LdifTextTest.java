package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
