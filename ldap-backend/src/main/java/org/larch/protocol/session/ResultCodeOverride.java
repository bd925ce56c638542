package org.larch.protocol.session;

import java.nio.ByteBuffer;
import org.apache.directory.api.asn1.EncoderException;
import org.apache.directory.api.asn1.util.Asn1Buffer;
import org.apache.directory.api.ldap.codec.api.LdapEncoder;
import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.larch.protocol.LdapCodec;
import org.larch.protocol.control.BerElement;

/**
 * A response whose result code the LDAP API's {@code ResultCodeEnum} cannot express (assertionFailed,
 * 122): the API encodes the response with a stand-in code, then the code byte is replaced.
 *
 * <pre>
 * offset          | size | field          | meaning
 * 0               | 1+n  | 0x30, length   | LDAPMessage SEQUENCE
 * header          | 3..6 | 0x02, len, id  | messageID INTEGER
 * after id        | 1+n  | [APPLICATION]  | protocolOp (e.g. 0x67 ModifyResponse), its length
 * op content + 0  | 1    | 0x0a           | resultCode ENUMERATED tag
 * op content + 1  | 1    | 0x01           | its length: one byte (stand-in and real code both below 128)
 * op content + 2  | 1    | code           | replaced by the real result code
 * </pre>
 */
public record ResultCodeOverride(ResultResponse response, int resultCode) {
    private static final int ENUMERATED_TAG = 0x0a;

    public ResultCodeOverride {
        if (resultCode < 0 || resultCode > 127) {
            throw new IllegalArgumentException("result code " + resultCode + " does not fit the one-byte patch");
        }
    }

    /** The complete LDAPMessage with the real result code. */
    public byte[] encode() {
        byte[] bytes = encodeWithStandIn();
        BerElement message = BerElement.read(bytes, 0);
        BerElement messageId = BerElement.read(bytes, message.contentOffset());
        BerElement protocolOp = BerElement.read(bytes, messageId.end());
        int codeTag = protocolOp.contentOffset();
        if ((bytes[codeTag] & 0xff) != ENUMERATED_TAG || bytes[codeTag + 1] != 1) {
            throw new IllegalStateException("encoded " + response.getType() + " does not start with a one-byte result code");
        }
        bytes[codeTag + 2] = (byte) resultCode;
        return bytes;
    }

    private byte[] encodeWithStandIn() {
        try {
            ByteBuffer encoded = LdapEncoder.encodeMessage(new Asn1Buffer(), LdapCodec.service(), response);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (EncoderException e) {
            throw new IllegalStateException("cannot encode " + response.getType() + ": " + e.getMessage(), e);
        }
    }
}
