package org.larch.backend.store;

import java.util.Arrays;

/**
 * A growable byte buffer for the store's records: big-endian fixed-width integers and unsigned
 * LEB128 varints (7 bits per byte, low group first, high bit set on every byte but the last).
 */
final class ByteOutput {
    private byte[] bytes;
    private int length;

    ByteOutput(int initialCapacity) {
        this.bytes = new byte[Math.max(0, initialCapacity)];
    }

    ByteOutput writeByte(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
        return this;
    }

    ByteOutput writeShort(int value) {
        ensure(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    ByteOutput writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    ByteOutput writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    ByteOutput writeVarint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varints are unsigned, got " + value);
        }
        ensure(varintSize(value));
        while (value >= 0x80) {
            bytes[length++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        bytes[length++] = (byte) value;
        return this;
    }

    ByteOutput writeBytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
        return this;
    }

    int length() {
        return length;
    }

    /**
     * The bytes written; when they fill the buffer exactly (sized with {@link #varintSize} and the like),
     * the buffer itself, not a copy: a later write would grow into a new buffer, never change this one.
     */
    byte[] toByteArray() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    /** How many bytes {@link #writeVarint} writes for {@code value} (0 or more). */
    static int varintSize(long value) {
        return value == 0 ? 1 : (Long.SIZE - Long.numberOfLeadingZeros(value) + 6) / 7;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(Math.max(16, bytes.length * 2), length + more));
        }
    }
}
