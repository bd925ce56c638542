package org.larch.backend.index;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A key of an attribute's index sub-database ({@code idx.<attribute>}, DUPSORT + DUPFIXED; each
 * key's values are the 8-byte big-endian ids of the entries that have it).
 *
 * <pre>
 * offset | size  | field  | meaning
 * -------+-------+--------+-----------------------------------------------------------------------
 *      0 |     1 | kind   | 0x01 present, 0x02 equality, 0x03 subinitial, 0x04 subany,
 *        |       |        | 0x05 subfinal, 0x06 approx
 *      1 |     n | key    | present: nothing; equality: the value's equality key (MatchingRules);
 *        |       |        | subinitial/subfinal: the first/last 1 to 3 code points of the value's
 *        |       |        | substring key, as UTF-8; subany: each 3-code-point gram of it;
 *        |       |        | approx: the phonetic code of one word
 * </pre>
 *
 * A key longer than {@link #MAX_KEY_BYTES} keeps its kind, its first bytes and a SHA-256 of the
 * whole, so equal values still share a key (and an unequal one colliding only adds a candidate that
 * the filter check drops). Long keys lose their order; only integer and generalizedTime equality keys,
 * which are short, are scanned as ranges.
 */
final class IndexKey {
    static final byte PRESENT = 0x01;
    static final byte EQUALITY = 0x02;
    static final byte SUB_INITIAL = 0x03;
    static final byte SUB_ANY = 0x04;
    static final byte SUB_FINAL = 0x05;
    static final byte APPROX = 0x06;
    static final int MAX_KEY_BYTES = 480;
    private static final int DIGEST_BYTES = 32;

    private final byte[] bytes;
    /** Computed once, where the key is made (an import's reader thread), not at each map lookup. */
    private final int hash;

    IndexKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** The key as stored in the index sub-database. */
    byte[] bytes() {
        return bytes;
    }

    static IndexKey of(byte kind, byte[] key) {
        byte[] bytes = new byte[1 + key.length];
        bytes[0] = kind;
        System.arraycopy(key, 0, bytes, 1, key.length);
        return new IndexKey(bytes.length <= MAX_KEY_BYTES ? bytes : shortened(bytes));
    }

    static IndexKey present() {
        return new IndexKey(new byte[] {PRESENT});
    }

    byte kind() {
        return bytes[0];
    }

    private static byte[] shortened(byte[] bytes) {
        byte[] shortened = Arrays.copyOf(bytes, MAX_KEY_BYTES);
        byte[] digest = sha256(bytes);
        System.arraycopy(digest, 0, shortened, MAX_KEY_BYTES - DIGEST_BYTES, DIGEST_BYTES);
        return shortened;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexKey key && hash == key.hash && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "IndexKey" + Arrays.toString(bytes);
    }
}
