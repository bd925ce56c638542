package org.larch.backend.csn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsnTest {

    @Test
    void formatsAsOpenLdapDoes() {
        long micros = Instant.parse("2026-11-22T00:15:00.123456Z").getEpochSecond() * 1_000_000 + 123456;
        Csn csn = new Csn(micros, 0x1a, 0x00b, 0);
        assertEquals("20261122001500.123456Z#00001a#00b#000000", csn.format());
        assertEquals(Csn.TEXT_LENGTH, csn.format().length());
    }

    @Test
    void parsesWhatItFormats() {
        String text = "20261122001500.123456Z#000000#000#000000";
        Csn csn = Csn.parse(text);
        assertEquals(Instant.parse("2026-11-22T00:15:00.123456Z"), csn.time());
        assertEquals(text, csn.format());
    }

    @Test
    void parsesUppercaseHexFields() {
        Csn csn = Csn.parse("20261122001500.000001Z#00FFFF#FFF#00000A");
        assertEquals(0xFFFF, csn.count());
        assertEquals(0xFFF, csn.serverId());
        assertEquals(10, csn.modification());
    }

    @Test
    void roundTripsRandomCsns() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            Csn csn = new Csn(
                    (long) (random.nextDouble() * 4_000_000_000_000_000L),
                    random.nextInt(Csn.MAX_COUNT + 1),
                    random.nextInt(Csn.MAX_SERVER_ID + 1),
                    random.nextInt(Csn.MAX_MODIFICATION + 1));
            assertEquals(csn, Csn.parse(csn.format()));
        }
    }

    @Test
    void ordersByTimeThenCountThenServerThenModification() {
        List<Csn> sorted = List.of(
                new Csn(1_000_000, 5, 9, 9),
                new Csn(2_000_000, 0, 0, 0),
                new Csn(2_000_000, 1, 0, 0),
                new Csn(2_000_000, 1, 1, 0),
                new Csn(2_000_000, 1, 1, 1),
                new Csn(2_000_001, 0, 0, 0));
        List<Csn> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(7));
        Collections.sort(shuffled);
        assertEquals(sorted, shuffled);
    }

    @Test
    void textOrderIsCsnOrder() {
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            Csn a = new Csn(random.nextLong(2_000_000), random.nextInt(3), random.nextInt(3), random.nextInt(3));
            Csn b = new Csn(random.nextLong(2_000_000), random.nextInt(3), random.nextInt(3), random.nextInt(3));
            assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(a.format().compareTo(b.format())));
        }
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : List.of(
                "",
                "20261122001500.123456Z#000000#000",
                "20261122001500.123456Z#000000#000#00000g",
                "20261122001500.123456Z-000000#000#000000",
                "20261322001500.123456Z#000000#000#000000")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Csn.parse(bad));
            assertTrue(error.getMessage().contains("not a CSN"), error.getMessage());
        }
    }

    @Test
    void rejectsFieldsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new Csn(0, 0, 0x1000, 0));
        assertThrows(IllegalArgumentException.class, () -> new Csn(0, 0x1000000, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Csn(-1, 0, 0, 0));
    }
}
