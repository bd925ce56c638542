package org.larch.protocol.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.asn1.DecoderException;
import org.apache.directory.api.asn1.EncoderException;
import org.apache.directory.api.asn1.ber.Asn1Decoder;
import org.apache.directory.api.asn1.util.Asn1Buffer;
import org.apache.directory.api.ldap.codec.api.LdapEncoder;
import org.apache.directory.api.ldap.codec.api.LdapMessageContainer;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.message.Message;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchResultEntryImpl;
import org.larch.protocol.codec.BerElement;
import org.larch.protocol.codec.FilterDecoder;
import org.larch.backend.LdapOperationException;
import org.larch.protocol.LdapCodec;

/**
 * The values of the controls the LDAP API does not decode (they reach us as opaque bytes): a filter
 * (RFC 4528 assertion, RFC 3876 items) is decoded by our {@link FilterDecoder}; an attribute selection
 * (RFC 4527 pre/post-read) is wrapped into a minimal SearchRequest PDU whose attribute list is exactly
 * those bytes, and decoded by the API's own codec; a pre/post-read entry is encoded as a
 * SearchResultEntry by the API and unwrapped from its LDAPMessage.
 */
public final class ControlValues {
    private static final byte[] PRESENT_OBJECT_CLASS = BerElement.encode(0x87, "objectClass".getBytes());
    /** baseObject "", scope base, derefAliases never, sizeLimit 0, timeLimit 0, typesOnly FALSE. */
    private static final byte[] SEARCH_PREFIX = {
        0x04, 0x00, 0x0a, 0x01, 0x00, 0x0a, 0x01, 0x00, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x01, 0x01, 0x00
    };
    private static final int SEARCH_REQUEST_TAG = 0x63;
    private static final byte[] MESSAGE_ID_ONE = {0x02, 0x01, 0x01};

    private ControlValues() {}

    /** A BER-encoded Filter (the assertion control's value). */
    public static ExprNode filter(String controlName, byte[] filterBytes) {
        try {
            return FilterDecoder.decode(filterBytes);
        } catch (IllegalArgumentException e) {
            throw invalid(controlName, e.getMessage());
        }
    }

    /** An AttributeSelection, SEQUENCE OF LDAPString (the pre/post-read request value). */
    public static List<String> attributeSelection(String controlName, byte[] value) {
        return List.copyOf(decodeSearch(controlName, PRESENT_OBJECT_CLASS, value).getAttributes());
    }

    /** ValuesReturnFilter ::= SEQUENCE OF SimpleFilterItem (RFC 3876); the items use the Filter tags. */
    public static List<ExprNode> valuesReturnFilter(String controlName, byte[] value) {
        List<ExprNode> items = new ArrayList<>();
        try {
            BerElement sequence = BerElement.read(value, 0);
            for (int offset = sequence.contentOffset(); offset < sequence.end(); ) {
                BerElement item = BerElement.read(value, offset);
                items.add(filter(controlName, item.bytes(value)));
                offset = item.end();
            }
        } catch (IllegalArgumentException e) {
            throw invalid(controlName, e.getMessage());
        }
        return items;
    }

    /** The SearchResultEntry encoding of {@code entry}: the pre/post-read response value. */
    public static byte[] searchResultEntry(Entry entry) {
        SearchResultEntryImpl message = new SearchResultEntryImpl(1);
        message.setEntry(entry);
        message.setObjectName(entry.getDn());
        try {
            ByteBuffer encoded = LdapEncoder.encodeMessage(new Asn1Buffer(), LdapCodec.service(), message);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            BerElement envelope = BerElement.read(bytes, 0);
            BerElement messageId = BerElement.read(bytes, envelope.contentOffset());
            return BerElement.read(bytes, messageId.end()).bytes(bytes);
        } catch (EncoderException e) {
            throw new IllegalStateException("cannot encode the read entry " + entry.getDn() + ": " + e.getMessage(), e);
        }
    }

    private static SearchRequest decodeSearch(String controlName, byte[] filter, byte[] attributes) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(SEARCH_PREFIX);
        request.writeBytes(filter);
        request.writeBytes(attributes);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(MESSAGE_ID_ONE);
        message.writeBytes(BerElement.encode(SEARCH_REQUEST_TAG, request.toByteArray()));
        LdapMessageContainer<Message> container = new LdapMessageContainer<>(LdapCodec.service());
        try {
            Asn1Decoder.decode(ByteBuffer.wrap(BerElement.encode(0x30, message.toByteArray())), container);
        } catch (DecoderException | RuntimeException e) {
            throw invalid(controlName, e.getMessage());
        }
        if (!(container.getMessage() instanceof SearchRequest search)) {
            throw invalid(controlName, "incomplete value");
        }
        return search;
    }

    private static LdapOperationException invalid(String controlName, String reason) {
        return new LdapOperationException(
                ResultCodeEnum.PROTOCOL_ERROR, "invalid value of the " + controlName + " control: " + reason);
    }
}
