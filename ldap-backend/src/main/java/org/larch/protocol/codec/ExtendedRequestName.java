package org.larch.protocol.codec;

import java.nio.charset.StandardCharsets;
import org.apache.directory.api.ldap.model.message.ExtendedRequest;

/**
 * The requestName of an ExtendedRequest, read from the PDU: the LDAP API's decoder leaves it empty
 * for an OID it has no factory for, and the client deserves an error naming the OID.
 *
 * <pre>
 * LDAPMessage ::= SEQUENCE {                       0x30
 *     messageID   INTEGER,                         0x02
 *     protocolOp  ExtendedRequest ::= [APPLICATION 23] SEQUENCE {   0x77
 *         requestName   [0] LDAPOID,               0x80   <- read
 *         requestValue  [1] OCTET STRING OPTIONAL }}
 * </pre>
 */
public final class ExtendedRequestName {
    private static final int EXTENDED_REQUEST_TAG = 0x77;
    private static final int REQUEST_NAME_TAG = 0x80;

    private ExtendedRequestName() {}

    /** Sets the request name from the PDU when the decoder left it empty. */
    static void restore(ExtendedRequest request, byte[] pdu) {
        if (request.getRequestName() == null) {
            String name = read(pdu);
            if (name != null) {
                request.setRequestName(name);
            }
        }
    }

    /** The requestName, or null if the PDU is not an ExtendedRequest with one. */
    public static String read(byte[] pdu) {
        BerElement message = BerElement.read(pdu, 0);
        BerElement messageId = BerElement.read(pdu, message.contentOffset());
        BerElement operation = BerElement.read(pdu, messageId.end());
        if (operation.tag() != EXTENDED_REQUEST_TAG || operation.contentLength() == 0) {
            return null;
        }
        BerElement name = BerElement.read(pdu, operation.contentOffset());
        if (name.tag() != REQUEST_NAME_TAG) {
            return null;
        }
        return new String(pdu, name.contentOffset(), name.contentLength(), StandardCharsets.US_ASCII);
    }
}
