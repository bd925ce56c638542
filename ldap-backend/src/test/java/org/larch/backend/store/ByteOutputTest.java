package org.larch.backend.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ByteOutputTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void varintSizeIsWhatWriteVarintWrites() {
        long[] values = {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, Integer.MAX_VALUE, Long.MAX_VALUE};
        for (long value : values) {
            assertEquals(new ByteOutput(0).writeVarint(value).length(), ByteOutput.varintSize(value), "varint " + value);
        }
    }

    @Test
    void varintsAreLeb128() {
        assertEquals("00" + "7f" + "8001" + "c801" + "ffffffffffffffff7f",
                HEX.formatHex(new ByteOutput(0).writeVarint(0).writeVarint(127).writeVarint(128).writeVarint(200)
                        .writeVarint(Long.MAX_VALUE).toByteArray()));
    }

    @Test
    void anExactlySizedBufferIsReturnedWithoutACopyAndNeverChangedAfterwards() {
        ByteOutput out = new ByteOutput(3).writeByte(1).writeVarint(128);
        byte[] first = out.toByteArray();
        assertSame(first, out.toByteArray());
        out.writeByte(9);
        assertArrayEquals(new byte[] {1, (byte) 0x80, 1}, first);
        assertArrayEquals(new byte[] {1, (byte) 0x80, 1, 9}, out.toByteArray());
    }

    @Test
    void aBufferTooSmallGrows() {
        byte[] big = new byte[100];
        big[99] = 5;
        assertArrayEquals(big, new ByteOutput(1).writeBytes(big).toByteArray());
        assertEquals(8, new ByteOutput(0).writeLong(-1).toByteArray().length);
    }
}
