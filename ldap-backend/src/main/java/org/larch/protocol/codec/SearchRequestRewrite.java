package org.larch.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.message.SearchRequest;

/**
 * A SearchRequest PDU made decodable for the LDAP API, whose decoder refuses valid filters and the
 * subordinates scope (3): the real filter is decoded here ({@link FilterDecoder}), the PDU is rebuilt
 * with the filter {@code (objectClass=*)} and scope 2 (wholeSubtree) for the API to decode the rest
 * (controls included), and {@link #applyTo} then puts the real filter and scope back:
 *
 * <pre>
 * LDAPMessage ::= SEQUENCE {                          0x30  length recomputed
 *     messageID     INTEGER,                          0x02  copied
 *     protocolOp    SearchRequest [APPLICATION 3] {   0x63  length recomputed
 *         baseObject    LDAPDN,                       0x04  copied
 *         scope         ENUMERATED,                   0x0a  3 (subordinates) becomes 2, else copied
 *         derefAliases  ENUMERATED,                   0x0a  copied
 *         sizeLimit     INTEGER,                      0x02  copied
 *         timeLimit     INTEGER,                      0x02  copied
 *         typesOnly     BOOLEAN,                      0x01  copied
 *         filter        Filter,                       any   decoded here, replaced by 0x87 "objectClass"
 *         attributes    AttributeSelection },         0x30  copied
 *     controls      [0] Controls OPTIONAL }           0xa0  copied (with anything else that follows)
 * </pre>
 *
 * @param pdu the PDU for the API's decoder
 * @param filter the request's real filter
 * @param subordinates whether the request asked for scope 3
 */
public record SearchRequestRewrite(byte[] pdu, ExprNode filter, boolean subordinates) {
    /** Where {@link #applyTo} records the subordinates scope on the request (the API's parameter map). */
    public static final String SUBORDINATES_KEY = "larch.subordinatesScope";
    static final int SEARCH_REQUEST_TAG = 0x63;
    private static final int SEQUENCE_TAG = 0x30;
    private static final int ENUMERATED_TAG = 0x0a;
    private static final int SUBORDINATES = 3;
    private static final byte[] WHOLE_SUBTREE = {ENUMERATED_TAG, 0x01, 0x02};
    private static final byte[] PRESENT_OBJECT_CLASS =
            BerElement.encode(FilterDecoder.PRESENT, "objectClass".getBytes(StandardCharsets.US_ASCII));

    /**
     * The rewrite of a SearchRequest PDU; null if {@code pdu} is not one or its fields before the filter are
     * malformed (the API's decoder then reports that). A malformed filter throws IllegalArgumentException.
     */
    public static SearchRequestRewrite of(byte[] pdu) {
        Fields fields = Fields.read(pdu);
        if (fields == null) {
            return null;
        }
        ExprNode filter = FilterDecoder.decode(pdu, fields.filter);
        boolean subordinates = fields.isSubordinates(pdu);
        return new SearchRequestRewrite(fields.rebuild(pdu, subordinates), filter, subordinates);
    }

    /** Puts the real filter into the request the API decoded and records the subordinates scope. */
    public void applyTo(SearchRequest request) {
        request.setFilter(filter);
        if (subordinates) {
            request.put(SUBORDINATES_KEY, Boolean.TRUE);
        }
    }

    /** Whether the request asked for the subordinates scope (recorded by {@link #applyTo}). */
    public static boolean isSubordinates(SearchRequest request) {
        return Boolean.TRUE.equals(request.get(SUBORDINATES_KEY));
    }

    /** The elements of a SearchRequest PDU the rewrite needs. */
    private record Fields(BerElement messageId, BerElement operation, BerElement scope, BerElement filter,
            BerElement attributes, int pduEnd) {

        static Fields read(byte[] pdu) {
            try {
                BerElement message = BerElement.read(pdu, 0);
                BerElement messageId = BerElement.read(pdu, message.contentOffset());
                BerElement operation = BerElement.read(pdu, messageId.end());
                if (message.tag() != SEQUENCE_TAG || operation.tag() != SEARCH_REQUEST_TAG) {
                    return null;
                }
                BerElement base = BerElement.read(pdu, operation.contentOffset());
                BerElement scope = BerElement.read(pdu, base.end());
                BerElement afterScope = scope;
                for (int skipped = 0; skipped < 4; skipped++) {
                    afterScope = BerElement.read(pdu, afterScope.end());
                }
                BerElement filter = BerElement.read(pdu, afterScope.end());
                BerElement attributes = BerElement.read(pdu, filter.end());
                if (filter.end() > operation.end() || attributes.end() != operation.end()) {
                    return null;
                }
                return new Fields(messageId, operation, scope, filter, attributes, message.end());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        boolean isSubordinates(byte[] pdu) {
            return scope.tag() == ENUMERATED_TAG && scope.contentLength() == 1
                    && pdu[scope.contentOffset()] == SUBORDINATES;
        }

        byte[] rebuild(byte[] pdu, boolean subordinates) {
            ByteArrayOutputStream search = new ByteArrayOutputStream(pdu.length);
            search.write(pdu, operation.contentOffset(), scope.offset() - operation.contentOffset());
            search.writeBytes(subordinates ? WHOLE_SUBTREE : scope.bytes(pdu));
            search.write(pdu, scope.end(), filter.offset() - scope.end());
            search.writeBytes(PRESENT_OBJECT_CLASS);
            search.writeBytes(attributes.bytes(pdu));
            ByteArrayOutputStream message = new ByteArrayOutputStream(pdu.length);
            message.writeBytes(messageId.bytes(pdu));
            message.writeBytes(BerElement.encode(SEARCH_REQUEST_TAG, search.toByteArray()));
            message.write(pdu, operation.end(), pduEnd - operation.end());
            return BerElement.encode(SEQUENCE_TAG, message.toByteArray());
        }
    }
}
