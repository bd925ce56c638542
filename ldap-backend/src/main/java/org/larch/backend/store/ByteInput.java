package org.larch.backend.store;

import java.util.Arrays;

/** Reads what {@link ByteOutput} wrote; running past the end is a {@link CorruptRecordException}. */
final class ByteInput {
    private final byte[] bytes;
    private final String what;
    private int position;

    ByteInput(byte[] bytes, String what) {
        this.bytes = bytes;
        this.what = what;
    }

    int readByte() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    int readShort() {
        need(2);
        int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    int readInt() {
        need(4);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    /** Skips a leading kind byte and reads the int after it. */
    int readByteThenInt() {
        readByte();
        return readInt();
    }

    long readLong() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = readByte();
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new CorruptRecordException(what + ": varint longer than 10 bytes at offset " + position);
    }

    /** A varint that must fit an int and be at most {@code maximum}. */
    int readCount(int maximum, String field) {
        long value = readVarint();
        if (value > maximum) {
            throw new CorruptRecordException(
                    what + ": " + field + " " + value + " exceeds the " + maximum + " bytes left at offset " + position);
        }
        return (int) value;
    }

    byte[] readBytes(int count) {
        need(count);
        byte[] value = Arrays.copyOfRange(bytes, position, position + count);
        position += count;
        return value;
    }

    byte[] readRest() {
        return readBytes(remaining());
    }

    int remaining() {
        return bytes.length - position;
    }

    boolean atEnd() {
        return position == bytes.length;
    }

    private void need(int count) {
        if (count < 0 || position + count > bytes.length) {
            throw new CorruptRecordException(what + ": truncated, needs " + count + " more bytes at offset " + position
                    + " of " + bytes.length);
        }
    }
}
