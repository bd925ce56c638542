package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.larch.storage.page.Golden.assertBytesAt;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Every on-disk field is little-endian, unaligned, and read back unsigned. */
class BytesTest {
    @Test
    void writesLittleEndianAtUnalignedOffsets() {
        byte[] bytes = new byte[16];
        MemorySegment segment = MemorySegment.ofArray(bytes);
        Bytes.putU16(segment, 1, 0xA1B2);
        Bytes.putU32(segment, 3, 0xC1C2C3C4L);
        Bytes.putU64(segment, 7, 0x0102030405060708L);
        assertBytesAt("00 | B2 A1 | C4 C3 C2 C1 | 08 07 06 05 04 03 02 01 | 00", bytes, 0, "fields");
    }

    @Test
    void readsUnsigned() {
        MemorySegment segment = MemorySegment.ofArray(Golden.bytes("FF FF FF FF FF FF FF FF FF"));
        assertEquals(0xFFFF, Bytes.u16(segment, 1));
        assertEquals(0xFFFF_FFFFL, Bytes.u32(segment, 1));
        assertEquals(-1L, Bytes.u64(segment, 1), "u64 has no wider type: callers compare it unsigned");
    }

    @Test
    void readsWhatItWrote() {
        MemorySegment segment = MemorySegment.ofArray(new byte[8]);
        Bytes.putU16(segment, 0, 0x8001);
        assertEquals(0x8001, Bytes.u16(segment, 0));
        Bytes.putU32(segment, 0, 0x8000_0001L);
        assertEquals(0x8000_0001L, Bytes.u32(segment, 0));
        Bytes.putU64(segment, 0, Long.MIN_VALUE + 1);
        assertEquals(Long.MIN_VALUE + 1, Bytes.u64(segment, 0));
    }
}
