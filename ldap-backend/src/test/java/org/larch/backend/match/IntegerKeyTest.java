package org.larch.backend.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntegerKeyTest {

    @Test
    void goldenBytes() {
        assertArrayEquals(new byte[] {0x02}, IntegerKey.encode(BigInteger.ZERO));
        assertArrayEquals(new byte[] {0x03, 0, 0, 0, 2, 0x01, 0x2C}, IntegerKey.encode(BigInteger.valueOf(300)));
        assertArrayEquals(new byte[] {0x03, 0, 0, 0, 1, (byte) 0xFF}, IntegerKey.encode(BigInteger.valueOf(255)));
        assertArrayEquals(new byte[] {0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFD, (byte) 0xFE, (byte) 0xD3},
                IntegerKey.encode(BigInteger.valueOf(-300)));
    }

    @Test
    void unsignedByteOrderIsNumericOrder() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            BigInteger a = randomInteger(random);
            BigInteger b = randomInteger(random);
            int expected = Integer.signum(a.compareTo(b));
            int actual = Integer.signum(Arrays.compareUnsigned(IntegerKey.encode(a), IntegerKey.encode(b)));
            assertEquals(expected, actual, a + " vs " + b);
        }
    }

    private static BigInteger randomInteger(Random random) {
        BigInteger magnitude = new BigInteger(random.nextInt(80), random);
        return random.nextBoolean() ? magnitude.negate() : magnitude;
    }
}
