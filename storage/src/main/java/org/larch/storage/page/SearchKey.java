package org.larch.storage.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A key being searched for, prepared once per lookup. In the default (lexicographic) order its bytes
 * are held as big-endian 64-bit words, so comparing it with a stored key reads the page eight bytes at
 * a time and compares numbers: the binary search spends its time on the page's cache lines, not on
 * call overhead. Other orders go through their comparator.
 */
public final class SearchKey {
    private static final ValueLayout.OfLong BIG_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** Bytes of a key kept beside its slot ({@link PageHeader}'s keyPrefix). */
    public static final int PREFIX_BYTES = 4;

    private final MemorySegment key;
    private final int length;
    private final KeyComparator order;
    private final long[] words;
    private final int prefix;

    public SearchKey(MemorySegment key, KeyComparator order) {
        this.key = key;
        this.length = (int) key.byteSize();
        this.order = order;
        this.words = order == KeyComparator.LEXICOGRAPHIC ? words(key, length) : null;
        this.prefix = prefixOf(key, 0, length);
    }

    /**
     * The first {@value #PREFIX_BYTES} bytes of the key of {@code length} bytes at {@code offset} as a
     * big-endian number, zero-padded when the key is shorter. Where two keys' prefixes differ, their
     * unsigned comparison is the keys' lexicographic order; where they are equal, it says nothing.
     */
    public static int prefixOf(MemorySegment key, long offset, int length) {
        int prefix = 0;
        for (int i = 0; i < PREFIX_BYTES; i++) {
            int keyByte = i < length ? key.get(ValueLayout.JAVA_BYTE, offset + i) & 0xff : 0;
            prefix = prefix << 8 | keyByte;
        }
        return prefix;
    }

    /** Whether slot prefixes decide comparisons they differ on: the lexicographic order only. */
    public boolean ordersByPrefix() {
        return words != null;
    }

    /** This key's {@link #prefixOf prefix}. */
    public int prefix() {
        return prefix;
    }

    public MemorySegment segment() {
        return key;
    }

    public int length() {
        return length;
    }

    /** The sign of (stored key − this key), for the stored key of {@code storedLength} bytes at {@code offset}. */
    public int compareStored(MemorySegment stored, long offset, int storedLength) {
        if (words == null) {
            return order.compare(stored, offset, storedLength, key, 0, length);
        }
        int common = Math.min(storedLength, length);
        int at = 0;
        for (int word = 0; at + Long.BYTES <= common; word++, at += Long.BYTES) {
            long storedWord = stored.get(BIG_ENDIAN_LONG, offset + at);
            if (storedWord != words[word]) {
                return Long.compareUnsigned(storedWord, words[word]);
            }
        }
        for (; at < common; at++) {
            int storedByte = stored.get(ValueLayout.JAVA_BYTE, offset + at) & 0xff;
            int keyByte = (int) (words[at >>> 3] >>> (56 - 8 * (at & 7))) & 0xff;
            if (storedByte != keyByte) {
                return Integer.compare(storedByte, keyByte);
            }
        }
        return Integer.compare(storedLength, length);
    }

    private static long[] words(MemorySegment key, int length) {
        long[] words = new long[(length + Long.BYTES - 1) / Long.BYTES];
        for (int i = 0; i < length; i++) {
            words[i >>> 3] |= (long) (key.get(ValueLayout.JAVA_BYTE, i) & 0xff) << (56 - 8 * (i & 7));
        }
        return words;
    }
}
