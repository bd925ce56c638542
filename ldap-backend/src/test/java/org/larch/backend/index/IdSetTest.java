package org.larch.backend.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IdSetTest {

    @Test
    void listedSetsAreSortedWithoutDuplicates() {
        IdSet set = IdSet.of(9, 3, 3, 7);
        assertArrayEquals(new long[] {3, 7, 9}, set.toArray());
        assertEquals(3, set.size());
        assertTrue(set.contains(7));
        assertFalse(set.contains(8));
        assertEquals(3, set.first());
        assertEquals(9, set.last());
    }

    @Test
    void rangesStandForEveryIdBetweenTheirBounds() {
        IdSet range = IdSet.range(5, 9);
        assertTrue(range.isRange());
        assertEquals(5, range.size());
        assertArrayEquals(new long[] {5, 6, 7, 8, 9}, range.toArray());
        assertEquals(IdSet.range(7, 9), range.intersect(IdSet.range(7, 20)));
        assertEquals(IdSet.of(5, 9), range.intersect(IdSet.of(1, 5, 9, 10)));
        assertEquals(IdSet.range(1, 20), range.union(IdSet.of(1, 20)));
        assertTrue(IdSet.range(9, 5).isEmpty());
        assertEquals(IdSet.range(Long.MAX_VALUE - 1, Long.MAX_VALUE),
                IdSet.range(0, Long.MAX_VALUE).intersect(IdSet.range(Long.MAX_VALUE - 1, Long.MAX_VALUE)));
        assertEquals(IdSet.of(Long.MAX_VALUE), IdSet.range(1, Long.MAX_VALUE).intersect(IdSet.of(Long.MAX_VALUE)));
    }

    @Test
    void aUnionTooLargeToListBecomesARange() {
        long[] evens = new long[IdSet.MAX_LISTED_IDS / 2 + 1];
        long[] odds = new long[IdSet.MAX_LISTED_IDS / 2 + 1];
        for (int index = 0; index < evens.length; index++) {
            evens[index] = 2L * index + 2;
            odds[index] = 2L * index + 1;
        }
        IdSet union = IdSet.of(evens).union(IdSet.of(odds));
        assertTrue(union.isRange());
        assertEquals(1, union.first());
        assertEquals(evens[evens.length - 1], union.last());
    }

    @Test
    void randomizedAgainstTreeSet() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            TreeSet<Long> a = randomIds(random);
            TreeSet<Long> b = randomIds(random);
            IdSet setA = IdSet.of(toArray(a));
            IdSet setB = IdSet.of(toArray(b));
            assertEquals(a, toTreeSet(setA));
            TreeSet<Long> intersection = new TreeSet<>(a);
            intersection.retainAll(b);
            assertEquals(intersection, toTreeSet(setA.intersect(setB)), "intersect");
            TreeSet<Long> union = new TreeSet<>(a);
            union.addAll(b);
            assertEquals(union, toTreeSet(setA.union(setB)), "union");
            long probe = random.nextInt(300);
            assertEquals(a.contains(probe), setA.contains(probe));
            checkRangeCombinations(random, a, setA);
        }
    }

    private static void checkRangeCombinations(Random random, TreeSet<Long> a, IdSet setA) {
        long low = random.nextInt(300);
        long high = low + random.nextInt(100);
        TreeSet<Long> within = new TreeSet<>(a.subSet(low, true, high, true));
        assertEquals(within, toTreeSet(setA.intersect(IdSet.range(low, high))), "range intersect");
        IdSet union = setA.union(IdSet.range(low, high));
        for (long id : a) {
            assertTrue(union.contains(id), "a range union is a superset");
        }
        assertTrue(union.contains(low) && union.contains(high));
    }

    private static TreeSet<Long> randomIds(Random random) {
        TreeSet<Long> ids = new TreeSet<>();
        int count = random.nextInt(random.nextBoolean() ? 5 : 200);
        for (int index = 0; index < count; index++) {
            ids.add((long) random.nextInt(300));
        }
        return ids;
    }

    private static long[] toArray(TreeSet<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static TreeSet<Long> toTreeSet(IdSet set) {
        List<Long> ids = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (long id : set) {
            assertTrue(ids.isEmpty() || id > previous, "iteration in ascending order");
            ids.add(id);
            previous = id;
        }
        assertEquals(set.size(), ids.size());
        return new TreeSet<>(ids);
    }
}
