package org.larch.storage.txn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PageNumberMapTest {

    @Test
    void agreesWithHashMapOverRandomPutsRemovesAndLookups() {
        SplittableRandom random = new SplittableRandom(42);
        PageNumberMap<String> map = new PageNumberMap<>();
        Map<Long, String> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // A small key range makes collisions, probe runs and removals inside runs frequent.
            long key = random.nextInt(4) == 0 ? random.nextLong() : random.nextLong(3_000);
            switch (random.nextInt(3)) {
                case 0 -> {
                    String value = "v" + step;
                    map.put(key, value);
                    model.put(key, value);
                }
                case 1 -> assertEquals(model.remove(key), map.remove(key), "remove " + key);
                default -> assertEquals(model.get(key), map.get(key), "get " + key);
            }
            assertEquals(model.size(), map.size());
        }
        for (Map.Entry<Long, String> entry : model.entrySet()) {
            assertEquals(entry.getValue(), map.get(entry.getKey()));
        }
        assertArrayEquals(model.keySet().stream().mapToLong(Long::longValue).sorted().toArray(), map.sortedKeys());
    }

    @Test
    void forEachVisitsEveryEntryOnceAfterGrowingAndShrinking() {
        PageNumberMap<Long> map = new PageNumberMap<>();
        for (long key = 0; key < 10_000; key++) {
            map.put(key * 4096, key);
        }
        for (long key = 0; key < 10_000; key += 2) {
            assertEquals(key, map.remove(key * 4096));
        }
        Map<Long, Long> seen = new HashMap<>();
        map.forEach((key, value) -> assertNull(seen.put(key, value), "visited twice: " + key));
        assertEquals(5_000, seen.size());
        seen.forEach((key, value) -> assertEquals(key, value * 4096));
    }

    @Test
    void keyZeroAndNegativeKeysAreOrdinaryKeys() {
        PageNumberMap<String> map = new PageNumberMap<>();
        assertNull(map.get(0));
        map.put(0, "zero");
        map.put(-1, "minus one");
        map.put(Long.MIN_VALUE, "min");
        assertEquals("zero", map.get(0));
        assertEquals("minus one", map.get(-1));
        assertArrayEquals(new long[] {Long.MIN_VALUE, -1, 0}, map.sortedKeys());
        assertEquals("zero", map.remove(0));
        assertNull(map.get(0));
        assertNull(map.remove(0));
        assertEquals(2, map.size());
    }

    @Test
    void refusesNullValues() {
        assertThrows(IllegalArgumentException.class, () -> new PageNumberMap<String>().put(7, null));
    }
}
