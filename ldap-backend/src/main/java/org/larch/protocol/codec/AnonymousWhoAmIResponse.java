package org.larch.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * RFC 4532's answer to an anonymous "Who am I?": success with an empty authzId. The response value
 * must be present and empty (OpenLDAP's {@code ldapwhoami} prints "anonymous" only then), but the LDAP
 * API's encoder leaves an empty value out, so this one response is encoded here:
 *
 * <pre>
 * offset | size | field                     | meaning
 * 0      | 1    | 0x30                      | LDAPMessage SEQUENCE
 * 1      | 1    | length                    | 2 + id length + 11
 * 2      | 1    | 0x02                      | messageID INTEGER
 * 3      | 1    | n                         | its length (1..4)
 * 4      | n    | id                        | minimal two's complement, big-endian
 * 4+n    | 2    | 0x78 0x09                 | [APPLICATION 24] ExtendedResponse, 9 content bytes
 * 6+n    | 3    | 0x0a 0x01 0x00            | resultCode ENUMERATED success
 * 9+n    | 2    | 0x04 0x00                 | matchedDN ""
 * 11+n   | 2    | 0x04 0x00                 | diagnosticMessage ""
 * 13+n   | 2    | 0x8b 0x00                 | responseValue [11] "" (no responseName, RFC 4532)
 * </pre>
 */
public final class AnonymousWhoAmIResponse {
    private static final byte[] EXTENDED_RESPONSE = {
        0x78, 0x09, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00, (byte) 0x8b, 0x00
    };

    private AnonymousWhoAmIResponse() {}

    public static byte[] encode(int messageId) {
        byte[] id = BigInteger.valueOf(messageId).toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(2 + id.length + EXTENDED_RESPONSE.length);
        out.write(0x02);
        out.write(id.length);
        out.writeBytes(id);
        out.writeBytes(EXTENDED_RESPONSE);
        return out.toByteArray();
    }
}
