package org.larch.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.message.AddRequest;

/**
 * The order of an AddRequest's attributes as the client sent them, read from the PDU:
 *
 * <pre>
 * LDAPMessage ::= SEQUENCE {                 0x30
 *     messageID   INTEGER,                   0x02
 *     protocolOp  AddRequest ::= [APPLICATION 8] SEQUENCE {   0x68
 *         entry       LDAPDN,                0x04
 *         attributes  SEQUENCE OF SEQUENCE { 0x30 { 0x30 {
 *             type    AttributeDescription,  0x04   <- recorded, in order
 *             vals    SET OF value }}},      0x31
 *     controls    [0] Controls OPTIONAL }
 * </pre>
 *
 * Recorded on the message under {@link #KEY} (the API's messages carry a parameter map).
 */
public final class AddAttributeOrder {
    public static final String KEY = "larch.addAttributeOrder";
    private static final int ADD_REQUEST_TAG = 0x68;

    private AddAttributeOrder() {}

    static void record(AddRequest request, byte[] pdu) {
        request.put(KEY, read(pdu));
    }

    /** The attribute descriptions in PDU order, or an empty list if the PDU is not an AddRequest. */
    public static List<String> read(byte[] pdu) {
        BerElement message = BerElement.read(pdu, 0);
        BerElement messageId = BerElement.read(pdu, message.contentOffset());
        BerElement operation = BerElement.read(pdu, messageId.end());
        List<String> names = new ArrayList<>();
        if (operation.tag() != ADD_REQUEST_TAG) {
            return names;
        }
        BerElement entryDn = BerElement.read(pdu, operation.contentOffset());
        BerElement attributes = BerElement.read(pdu, entryDn.end());
        for (int offset = attributes.contentOffset(); offset < attributes.end(); ) {
            BerElement attribute = BerElement.read(pdu, offset);
            BerElement type = BerElement.read(pdu, attribute.contentOffset());
            names.add(new String(pdu, type.contentOffset(), type.contentLength(), StandardCharsets.UTF_8));
            offset = attribute.end();
        }
        return names;
    }

    /** What {@link #record} stored on the request, or an empty list. */
    @SuppressWarnings("unchecked")
    public static List<String> of(AddRequest request) {
        Object order = request.get(KEY);
        return order instanceof List<?> list ? (List<String>) list : List.of();
    }
}
