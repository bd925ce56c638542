package org.larch.backend.search;

import java.nio.ByteBuffer;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.larch.backend.LdapOperationException;

/**
 * The paged results cookie (RFC 2696): opaque to the client, it says where the next page starts.
 * In id order (no sort) that is after the last entry id sent, which stays right while entries are
 * added and deleted between pages; in a sorted or alias-dereferencing search it is a position in the
 * ordered result. The fingerprint ties the cookie to the search it came from.
 *
 * <pre>
 * offset | size | field       | meaning
 * -------+------+-------------+----------------------------------------------------------
 *      0 |    1 | version     | 1
 *      1 |    1 | kind        | 0 = after entry id, 1 = at position
 *      2 |    8 | value       | big-endian: the last entry id sent, or the next position
 *     10 |    4 | fingerprint | big-endian: hash of base, scope, filter, sort and alias mode
 * </pre>
 */
record PagedCookie(Kind kind, long value, int fingerprint) {
    static final int SIZE = 14;
    private static final int VERSION = 1;

    enum Kind { AFTER_ID, AT_POSITION }

    byte[] encode() {
        return ByteBuffer.allocate(SIZE)
                .put((byte) VERSION)
                .put((byte) kind.ordinal())
                .putLong(value)
                .putInt(fingerprint)
                .array();
    }

    /**
     * The cookie a client sent back, or null for the first page (empty cookie). A malformed cookie is
     * PROTOCOL_ERROR, as slapd answers; one from another search is UNWILLING_TO_PERFORM.
     */
    static PagedCookie decode(byte[] bytes, Kind expectedKind, int expectedFingerprint) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length != SIZE || buffer.get() != VERSION || buffer.get() != expectedKind.ordinal()) {
            throw new LdapOperationException(ResultCodeEnum.PROTOCOL_ERROR, "paged results cookie is invalid");
        }
        PagedCookie cookie = new PagedCookie(expectedKind, buffer.getLong(), buffer.getInt());
        if (cookie.value < 0) {
            throw new LdapOperationException(ResultCodeEnum.PROTOCOL_ERROR, "paged results cookie is invalid");
        }
        if (cookie.fingerprint != expectedFingerprint) {
            throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM,
                    "paged results cookie belongs to a different search (base, scope, filter or sort changed)");
        }
        return cookie;
    }
}
