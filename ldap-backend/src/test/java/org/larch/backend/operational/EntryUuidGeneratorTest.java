package org.larch.backend.operational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EntryUuidGeneratorTest {
    private static final long SOME_MILLIS = 1_795_000_000_123L;

    @Test
    void uuidsAreVersion7OfTheRfcVariant() {
        EntryUuidGenerator generator = new EntryUuidGenerator();
        for (int i = 0; i < 1000; i++) {
            UUID uuid = generator.next();
            assertEquals(7, uuid.version());
            assertEquals(2, uuid.variant());
        }
    }

    @Test
    void theTimeFieldIsTheClocksMilliseconds() {
        UUID uuid = new EntryUuidGenerator(() -> SOME_MILLIS).next();
        assertEquals(SOME_MILLIS, uuid.getMostSignificantBits() >>> 16);
    }

    @Test
    void bytesAscendOverManyCallsOnTheSystemClock() {
        assertStrictlyAscending(new EntryUuidGenerator(), 200_000);
    }

    @Test
    void bytesAscendWithinOneMillisecondPastTheCounterLimit() {
        assertStrictlyAscending(new EntryUuidGenerator(() -> SOME_MILLIS), 3 * 4096 + 17);
    }

    @Test
    void bytesAscendWhenTheClockStepsBack() {
        AtomicLong clock = new AtomicLong(SOME_MILLIS);
        EntryUuidGenerator generator = new EntryUuidGenerator(() -> clock.getAndAdd(-7));
        assertStrictlyAscending(generator, 10_000);
    }

    @Test
    void theTextFormParsesBackToTheSameUuid() {
        EntryUuidGenerator generator = new EntryUuidGenerator();
        for (int i = 0; i < 1000; i++) {
            UUID uuid = generator.next();
            assertEquals(uuid, UUID.fromString(uuid.toString()));
            assertEquals(36, uuid.toString().length());
        }
    }

    @Test
    void theRandomPartDiffersWithinOneMillisecond() {
        EntryUuidGenerator generator = new EntryUuidGenerator(() -> SOME_MILLIS);
        Set<Long> randomParts = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            randomParts.add(generator.next().getLeastSignificantBits());
        }
        assertEquals(1000, randomParts.size());
    }

    @Test
    void twoGeneratorsMakeDifferentUuidsAtTheSameMillisecond() {
        UUID one = new EntryUuidGenerator(() -> SOME_MILLIS).next();
        UUID two = new EntryUuidGenerator(() -> SOME_MILLIS).next();
        assertTrue(!one.equals(two));
    }

    private static void assertStrictlyAscending(EntryUuidGenerator generator, int count) {
        byte[] previous = bytes(generator.next());
        for (int i = 1; i < count; i++) {
            byte[] current = bytes(generator.next());
            assertTrue(Arrays.compareUnsigned(previous, current) < 0, "UUID " + i + " is not above the one before");
            previous = current;
        }
    }

    private static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }
}
