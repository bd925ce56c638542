package org.larch.protocol.codec;

/**
 * The header of one BER element (X.690) inside a byte array, enough to walk the values of controls:
 *
 * <pre>
 * offset | size        | field          | meaning
 * 0      | 1           | tag            | class, constructed bit and tag number (single-byte tags only)
 * 1      | 1           | length / count | short form: the content length (0..127);
 *        |             |                | long form: 0x80 | n, the length follows in n bytes
 * 2      | n (long)    | length         | big-endian content length
 * 1+1+n  | length      | content        | the element's value
 * </pre>
 *
 * Indefinite lengths (0x80) are not allowed in LDAP (RFC 4511 section 5.1) and are refused.
 *
 * @param offset where the element starts
 * @param tag the tag byte
 * @param contentOffset where its content starts
 * @param contentLength how many content bytes follow
 */
public record BerElement(int offset, int tag, int contentOffset, int contentLength) {
    private static final int MAX_LENGTH_BYTES = 4;

    /** Reads the header at {@code offset}; throws IllegalArgumentException naming the problem. */
    public static BerElement read(byte[] bytes, int offset) {
        require(offset + 2 <= bytes.length, "BER element at " + offset + " is truncated");
        int tag = bytes[offset] & 0xff;
        require((tag & 0x1f) != 0x1f, "BER multi-byte tags are not used in LDAP (offset " + offset + ")");
        int first = bytes[offset + 1] & 0xff;
        if (first < 0x80) {
            return checked(bytes, new BerElement(offset, tag, offset + 2, first));
        }
        int lengthBytes = first & 0x7f;
        require(lengthBytes != 0, "BER indefinite length is not allowed in LDAP (offset " + offset + ")");
        require(lengthBytes <= MAX_LENGTH_BYTES, "BER length of " + lengthBytes + " bytes is too long");
        require(offset + 2 + lengthBytes <= bytes.length, "BER length at " + offset + " is truncated");
        long length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (bytes[offset + 2 + i] & 0xff);
        }
        require(length <= Integer.MAX_VALUE, "BER length " + length + " is too large");
        return checked(bytes, new BerElement(offset, tag, offset + 2 + lengthBytes, (int) length));
    }

    /** One element with the shortest definite length form: the inverse of {@link #read}. */
    public static byte[] encode(int tag, byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int lengthBytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | lengthBytes);
            for (int shift = 8 * (lengthBytes - 1); shift >= 0; shift -= 8) {
                out.write(length >>> shift);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    public int end() {
        return contentOffset + contentLength;
    }

    /** The whole element, header included. */
    public byte[] bytes(byte[] source) {
        return java.util.Arrays.copyOfRange(source, offset, end());
    }

    private static BerElement checked(byte[] bytes, BerElement element) {
        require(element.end() <= bytes.length, "BER element at " + element.offset + " runs past the end");
        return element;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
