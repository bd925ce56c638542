package org.larch.storage.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
    private static final VarHandle BIG_ENDIAN_LONG_IN_ARRAY =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Bytes of a key kept beside its slot ({@link PageHeader}'s keyPrefix). */
    public static final int PREFIX_BYTES = 4;

    private MemorySegment key;
    private byte[] keyArray;
    private int length;
    private KeyComparator order;
    private long[] words = new long[4];
    private boolean byWords;
    private int prefix;

    /** An empty search key, to be {@link #set} for each lookup: a read transaction reuses one. */
    public SearchKey() {
    }

    public SearchKey(MemorySegment key, KeyComparator order) {
        set(key, order);
    }

    /** Prepares a lookup of {@code key} in {@code order}, reusing this object's word array. */
    public SearchKey set(MemorySegment key, KeyComparator order) {
        this.key = key;
        this.keyArray = null;
        this.length = (int) key.byteSize();
        this.order = order;
        this.byWords = order == KeyComparator.LEXICOGRAPHIC;
        if (byWords) {
            fillWords(key);
        }
        this.prefix = prefixOf(key, 0, length);
        return this;
    }

    /**
     * Prepares a lookup of the bytes of {@code key}: in the lexicographic order without creating any
     * object (the words are read from the array); other orders view the array as a segment.
     */
    public SearchKey set(byte[] key, KeyComparator order) {
        if (order != KeyComparator.LEXICOGRAPHIC) {
            return set(MemorySegment.ofArray(key), order);
        }
        this.key = null;
        this.keyArray = key;
        this.length = key.length;
        this.order = order;
        this.byWords = true;
        fillWords(key);
        this.prefix = (int) (words[0] >>> 32);
        return this;
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
        return byWords;
    }

    /** This key's {@link #prefixOf prefix}. */
    public int prefix() {
        return prefix;
    }

    public MemorySegment segment() {
        if (key == null) {
            key = MemorySegment.ofArray(keyArray);
        }
        return key;
    }

    public int length() {
        return length;
    }

    /** The sign of (stored key − this key), for the stored key of {@code storedLength} bytes at {@code offset}. */
    public int compareStored(MemorySegment stored, long offset, int storedLength) {
        if (!byWords) {
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

    /** Packs the key's bytes into big-endian words, zero-padded, growing the array when needed. */
    private void fillWords(MemorySegment source) {
        int count = ensureWords();
        int whole = length / Long.BYTES;
        for (int word = 0; word < whole; word++) {
            words[word] = source.get(BIG_ENDIAN_LONG, (long) word * Long.BYTES);
        }
        if (whole < count) {
            long last = 0;
            for (int i = whole * Long.BYTES; i < length; i++) {
                last |= (long) (source.get(ValueLayout.JAVA_BYTE, i) & 0xff) << (56 - 8 * (i & 7));
            }
            words[whole] = last;
        }
    }

    private void fillWords(byte[] source) {
        int count = ensureWords();
        int whole = length / Long.BYTES;
        for (int word = 0; word < whole; word++) {
            words[word] = (long) BIG_ENDIAN_LONG_IN_ARRAY.get(source, word * Long.BYTES);
        }
        if (whole < count) {
            long last = 0;
            for (int i = whole * Long.BYTES; i < length; i++) {
                last |= (long) (source[i] & 0xff) << (56 - 8 * (i & 7));
            }
            words[whole] = last;
        }
    }

    private int ensureWords() {
        int count = (length + Long.BYTES - 1) / Long.BYTES;
        if (count > words.length) {
            words = new long[Math.max(count, words.length * 2)];
        }
        return Math.max(count, 1);
    }
}
