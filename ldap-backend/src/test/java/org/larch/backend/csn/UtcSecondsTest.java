package org.larch.backend.csn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcSecondsTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    @Test
    void formatsAndParsesAsTheDateFormatterDoesWhetherTheSecondRepeatsOrNot() {
        Random random = new Random(3);
        long second = 1_700_000_000L;
        for (int i = 0; i < 2_000; i++) {
            second = random.nextInt(3) == 0 ? random.nextLong(0, 250_000_000_000L) : second + random.nextInt(2);
            String expected = REFERENCE.format(Instant.ofEpochSecond(second));
            assertEquals(expected, UtcSeconds.format(second));
            assertEquals(second, UtcSeconds.parse("xx" + expected + "yy", 2), expected);
        }
    }

    @Test
    void aMalformedTimeIsRefusedEvenAfterAGoodOne() {
        assertEquals(0, UtcSeconds.parse("19700101000000", 0));
        assertThrows(DateTimeParseException.class, () -> UtcSeconds.parse("19701301000000", 0));
        assertEquals(0, UtcSeconds.parse("19700101000000", 0));
    }
}
