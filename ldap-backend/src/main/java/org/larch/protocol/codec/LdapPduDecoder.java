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
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchResultDoneImpl;
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
 * the connection gets a notice of disconnection. A SearchRequest's filter and scope are decoded here
 * first ({@link SearchRequestRewrite}): a malformed filter is protocolError for that message only.
 */
public final class LdapPduDecoder extends CumulativeProtocolDecoder {
    private static final int SEQUENCE_TAG = 0x30;
    private static final int INTEGER_TAG = 0x02;
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
        SearchRequestRewrite search;
        try {
            search = SearchRequestRewrite.of(pdu);
        } catch (IllegalArgumentException e) {
            return malformedSearch(pdu, e.getMessage());
        }
        Object decoded = decodeWithApi(search == null ? pdu : search.pdu());
        if (search != null && decoded instanceof SearchRequest request) {
            search.applyTo(request);
        }
        return decoded;
    }

    /** A SearchRequest whose filter is malformed: protocolError for its message id, the connection stays. */
    private static MalformedRequest malformedSearch(byte[] pdu, String reason) throws ProtocolDecoderException {
        SearchResultDoneImpl done = new SearchResultDoneImpl(messageId(pdu));
        done.getLdapResult().setResultCode(ResultCodeEnum.PROTOCOL_ERROR);
        done.getLdapResult().setDiagnosticMessage("malformed search filter: " + reason);
        return new MalformedRequest(done, reason);
    }

    /** The messageID INTEGER (0..2^31-1, RFC 4511 4.1.1) of a PDU already framed as an LDAPMessage. */
    private static int messageId(byte[] pdu) throws ProtocolDecoderException {
        BerElement message = BerElement.read(pdu, 0);
        BerElement id = BerElement.read(pdu, message.contentOffset());
        if (id.tag() != INTEGER_TAG || id.contentLength() < 1 || id.contentLength() > 4 || (pdu[id.contentOffset()] & 0x80) != 0) {
            throw new ProtocolDecoderException("LDAPMessage has no valid messageID");
        }
        int value = 0;
        for (int i = id.contentOffset(); i < id.end(); i++) {
            value = (value << 8) | (pdu[i] & 0xff);
        }
        return value;
    }

    private static Object decodeWithApi(byte[] pdu) throws ProtocolDecoderException {
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
