package org.larch.protocol.codec;

import java.nio.ByteBuffer;
import org.apache.directory.api.asn1.DecoderException;
import org.apache.directory.api.asn1.ber.Asn1Decoder;
import org.apache.directory.api.asn1.ber.tlv.TLVStateEnum;
import org.apache.directory.api.ldap.codec.api.LdapMessageContainer;
import org.apache.directory.api.ldap.codec.api.ResponseCarryingException;
import org.apache.directory.api.ldap.model.message.AddRequest;
import org.apache.directory.api.ldap.model.message.ExtendedRequest;
import org.apache.directory.api.ldap.model.message.Message;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.CumulativeProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.larch.protocol.LdapCodec;

/**
 * Cuts the byte stream into whole LDAPMessage PDUs (RFC 4511 section 5.1: BER, definite lengths),
 * refuses one whose announced length exceeds the limit before reading it, and has the LDAP API decode
 * each PDU. Framing here, rather than in the API's decoder, lets an AddRequest keep the order of its
 * attributes, which the API's entry (a hash map) loses: the decoder records it on the message
 * ({@link AddAttributeOrder}).
 *
 * <p>A PDU the API cannot decode but whose message id it knows comes out as a {@link MalformedRequest}
 * carrying the response to send; anything else undecodable is a {@link ProtocolDecoderException}, and
 * the connection gets a notice of disconnection.
 */
public final class LdapPduDecoder extends CumulativeProtocolDecoder {
    private static final int SEQUENCE_TAG = 0x30;
    private final int maxPduBytes;

    /** @param maxPduBytes the largest PDU accepted, header included; 0 for no limit */
    public LdapPduDecoder(int maxPduBytes) {
        this.maxPduBytes = maxPduBytes;
    }

    @Override
    protected boolean doDecode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) throws Exception {
        long pduBytes = announcedLength(in);
        if (pduBytes < 0 || in.remaining() < pduBytes) {
            return false;
        }
        byte[] pdu = new byte[(int) pduBytes];
        in.get(pdu);
        out.write(decode(pdu));
        return true;
    }

    /** Header plus content length of the PDU at the buffer's position; -1 while the header is incomplete. */
    private long announcedLength(IoBuffer in) throws ProtocolDecoderException {
        if (in.remaining() < 2) {
            return -1;
        }
        int start = in.position();
        int tag = in.get(start) & 0xff;
        if (tag != SEQUENCE_TAG) {
            throw new ProtocolDecoderException(String.format("an LDAPMessage starts with a SEQUENCE (0x30), not 0x%02x", tag));
        }
        int first = in.get(start + 1) & 0xff;
        int lengthBytes = first < 0x80 ? 0 : first & 0x7f;
        if (first == 0x80 || lengthBytes > 4) {
            throw new ProtocolDecoderException("LDAPMessage length form 0x" + Integer.toHexString(first) + " is not allowed");
        }
        if (in.remaining() < 2 + lengthBytes) {
            return -1;
        }
        long contentLength = first < 0x80 ? first : 0;
        for (int i = 0; i < lengthBytes; i++) {
            contentLength = (contentLength << 8) | (in.get(start + 2 + i) & 0xff);
        }
        long total = 2 + lengthBytes + contentLength;
        if (maxPduBytes > 0 && total > maxPduBytes) {
            throw new ProtocolDecoderException("PDU of " + total + " bytes exceeds the limit of " + maxPduBytes + " bytes");
        }
        return total;
    }

    private static Object decode(byte[] pdu) throws ProtocolDecoderException {
        LdapMessageContainer<Message> container = new LdapMessageContainer<>(LdapCodec.service());
        try {
            Asn1Decoder.decode(ByteBuffer.wrap(pdu), container);
        } catch (ResponseCarryingException e) {
            if (e.getResponse() != null) {
                return new MalformedRequest(e.getResponse(), e.getMessage());
            }
            throw new ProtocolDecoderException("undecodable LDAPMessage: " + e.getMessage(), e);
        } catch (DecoderException | RuntimeException e) {
            throw new ProtocolDecoderException("undecodable LDAPMessage: " + e.getMessage(), e);
        }
        if (container.getState() != TLVStateEnum.PDU_DECODED || container.getMessage() == null) {
            throw new ProtocolDecoderException("LDAPMessage ends before its content is complete");
        }
        Message message = container.getMessage();
        if (message instanceof AddRequest add) {
            AddAttributeOrder.record(add, pdu);
        } else if (message instanceof ExtendedRequest extended) {
            ExtendedRequestName.restore(extended, pdu);
        }
        return message;
    }
}
