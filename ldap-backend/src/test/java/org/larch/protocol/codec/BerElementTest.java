package org.larch.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BerElementTest {

    @Test
    void shortFormHeader() {
        byte[] bytes = {0x04, 0x03, 'a', 'b', 'c', 0x00};
        BerElement element = BerElement.read(bytes, 0);
        assertEquals(new BerElement(0, 0x04, 2, 3), element);
        assertEquals(5, element.end());
        assertArrayEquals(new byte[] {0x04, 0x03, 'a', 'b', 'c'}, element.bytes(bytes));
    }

    @Test
    void longFormHeader() {
        byte[] bytes = new byte[4 + 0x0102];
        bytes[0] = 0x30;
        bytes[1] = (byte) 0x82;
        bytes[2] = 0x01;
        bytes[3] = 0x02;
        assertEquals(new BerElement(0, 0x30, 4, 0x0102), BerElement.read(bytes, 0));
    }

    @Test
    void elementAtAnOffset() {
        byte[] bytes = {0x30, 0x05, 0x02, 0x01, 0x07, 0x04, 0x00};
        BerElement integer = BerElement.read(bytes, 2);
        assertEquals(new BerElement(2, 0x02, 4, 1), integer);
        assertEquals(new BerElement(5, 0x04, 7, 0), BerElement.read(bytes, integer.end()));
    }

    @Test
    void indefiniteLengthIsRefused() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> BerElement.read(new byte[] {0x30, (byte) 0x80, 0x00, 0x00}, 0));
        assertTrue(failure.getMessage().contains("indefinite"), failure.getMessage());
    }

    @Test
    void contentPastTheEndIsRefused() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> BerElement.read(new byte[] {0x04, 0x05, 'a'}, 0));
        assertTrue(failure.getMessage().contains("runs past the end"), failure.getMessage());
    }

    @Test
    void encodeUsesTheShortestLengthForm() {
        assertArrayEquals(new byte[] {0x04, 0x01, 'a'}, BerElement.encode(0x04, new byte[] {'a'}));
        byte[] long127 = BerElement.encode(0x30, new byte[127]);
        assertEquals(0x7f, long127[1]);
        byte[] long128 = BerElement.encode(0x30, new byte[128]);
        assertArrayEquals(new byte[] {0x30, (byte) 0x81, (byte) 0x80}, java.util.Arrays.copyOf(long128, 3));
        byte[] long300 = BerElement.encode(0x30, new byte[300]);
        assertArrayEquals(new byte[] {0x30, (byte) 0x82, 0x01, 0x2c}, java.util.Arrays.copyOf(long300, 4));
        assertEquals(new BerElement(0, 0x30, 4, 300), BerElement.read(long300, 0));
    }
}
