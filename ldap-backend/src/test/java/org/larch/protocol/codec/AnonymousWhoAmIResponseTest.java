package org.larch.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class AnonymousWhoAmIResponseTest {

    @Test
    void goldenBytesForASmallMessageId() {
        byte[] expected = {0x30, 0x0e, 0x02, 0x01, 0x05,
            0x78, 0x09, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00, (byte) 0x8b, 0x00};
        assertArrayEquals(expected, AnonymousWhoAmIResponse.encode(5));
    }

    @Test
    void messageIdsNeedingALeadingZeroOrSeveralBytes() {
        byte[] id200 = AnonymousWhoAmIResponse.encode(200);
        assertArrayEquals(new byte[] {0x30, 0x0f, 0x02, 0x02, 0x00, (byte) 0xc8}, java.util.Arrays.copyOf(id200, 6));
        byte[] idLarge = AnonymousWhoAmIResponse.encode(0x01020304);
        assertArrayEquals(new byte[] {0x30, 0x11, 0x02, 0x04, 0x01, 0x02, 0x03, 0x04}, java.util.Arrays.copyOf(idLarge, 8));
    }
}
