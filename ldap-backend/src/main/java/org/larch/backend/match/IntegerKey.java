package org.larch.backend.match;

import java.math.BigInteger;

/**
 * The normalized key of an INTEGER value (RFC 4517 section 3.3.16): a byte string whose unsigned
 * lexicographic order is the numeric order, so an index can answer {@code >=} and {@code <=} with a
 * range scan over its keys. Stored in index keys.
 *
 * <pre>
 * offset | size | field     | meaning
 * -------+------+-----------+-------------------------------------------------------------------
 *      0 |    1 | sign      | 0x01 negative, 0x02 zero, 0x03 positive
 *      1 |    4 | length    | magnitude length in bytes, big-endian; bitwise complemented if negative
 *      5 |    n | magnitude | |value| as unsigned big-endian bytes without leading zeros;
 *        |      |           | each byte complemented if negative (absent for zero)
 * </pre>
 */
final class IntegerKey {
    static final byte NEGATIVE = 0x01;
    static final byte ZERO = 0x02;
    static final byte POSITIVE = 0x03;
    private static final int HEADER_BYTES = 5;

    private IntegerKey() {}

    static byte[] encode(BigInteger value) {
        if (value.signum() == 0) {
            return new byte[] {ZERO};
        }
        byte[] magnitude = unsignedMagnitude(value.abs());
        boolean negative = value.signum() < 0;
        byte[] key = new byte[HEADER_BYTES + magnitude.length];
        key[0] = negative ? NEGATIVE : POSITIVE;
        int length = negative ? ~magnitude.length : magnitude.length;
        key[1] = (byte) (length >>> 24);
        key[2] = (byte) (length >>> 16);
        key[3] = (byte) (length >>> 8);
        key[4] = (byte) length;
        for (int index = 0; index < magnitude.length; index++) {
            key[HEADER_BYTES + index] = (byte) (negative ? ~magnitude[index] : magnitude[index]);
        }
        return key;
    }

    private static byte[] unsignedMagnitude(BigInteger positive) {
        byte[] twosComplement = positive.toByteArray();
        if (twosComplement[0] != 0) {
            return twosComplement;
        }
        byte[] trimmed = new byte[twosComplement.length - 1];
        System.arraycopy(twosComplement, 1, trimmed, 0, trimmed.length);
        return trimmed;
    }
}
