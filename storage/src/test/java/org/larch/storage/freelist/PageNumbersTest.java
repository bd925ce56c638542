package org.larch.storage.freelist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PageNumbersTest {

    private static PageNumbers of(long... pageNumbers) {
        PageNumbers numbers = new PageNumbers();
        numbers.addAll(pageNumbers);
        return numbers;
    }

    @Test
    void startsEmpty() {
        PageNumbers numbers = new PageNumbers();
        assertTrue(numbers.isEmpty());
        assertEquals(0, numbers.size());
        assertArrayEquals(new long[0], numbers.toSortedArray());
        assertEquals(-1, numbers.takeRun(1));
    }

    @Test
    void takeLowestGivesAscendingOrderWhateverTheAddOrder() {
        PageNumbers numbers = of(50, 3, 900, 1, 7, 2);
        assertEquals(6, numbers.size());
        for (long expected : new long[] {1, 2, 3, 7, 50, 900}) {
            assertEquals(expected, numbers.takeLowest());
        }
        assertTrue(numbers.isEmpty());
    }

    @Test
    void addsAfterTakesAreSortedIn() {
        PageNumbers numbers = of(10, 20, 30);
        assertEquals(10, numbers.takeLowest());
        numbers.add(5);
        numbers.add(25);
        assertEquals(5, numbers.takeLowest());
        assertEquals(20, numbers.takeLowest());
        assertEquals(25, numbers.takeLowest());
        assertEquals(30, numbers.takeLowest());
    }

    @Test
    void toSortedArrayDoesNotRemove() {
        PageNumbers numbers = of(9, 4, 6);
        assertArrayEquals(new long[] {4, 6, 9}, numbers.toSortedArray());
        assertEquals(3, numbers.size());
        assertEquals(4, numbers.takeLowest());
        assertArrayEquals(new long[] {6, 9}, numbers.toSortedArray());
    }

    @Test
    void addRunAddsContiguousNumbers() {
        PageNumbers numbers = new PageNumbers();
        numbers.addRun(100, 4);
        numbers.addRun(7, 0);
        assertArrayEquals(new long[] {100, 101, 102, 103}, numbers.toSortedArray());
    }

    @Test
    void takeRunFindsTheLowestRunAndRemovesExactlyIt() {
        PageNumbers numbers = of(11, 1, 2, 4, 5, 6, 8, 9, 10);
        assertEquals(4, numbers.takeRun(3));
        assertArrayEquals(new long[] {1, 2, 8, 9, 10, 11}, numbers.toSortedArray());
        assertEquals(8, numbers.takeRun(3), "the lowest three of the run 8..11");
        assertArrayEquals(new long[] {1, 2, 11}, numbers.toSortedArray());
        assertEquals(1, numbers.takeRun(2));
        assertArrayEquals(new long[] {11}, numbers.toSortedArray());
        assertEquals(-1, numbers.takeRun(2));
        assertEquals(11, numbers.takeRun(1));
        assertTrue(numbers.isEmpty());
    }

    @Test
    void takeRunSkipsShorterRunsBelow() {
        PageNumbers numbers = of(1, 3, 4, 6, 7, 8, 9, 20, 21, 22);
        assertEquals(6, numbers.takeRun(4));
        assertArrayEquals(new long[] {1, 3, 4, 20, 21, 22}, numbers.toSortedArray());
        assertEquals(20, numbers.takeRun(3));
        assertArrayEquals(new long[] {1, 3, 4}, numbers.toSortedArray());
    }

    @Test
    void takeRunWithoutAFitLeavesTheSetAlone() {
        PageNumbers numbers = of(1, 2, 4, 5, 7);
        assertEquals(-1, numbers.takeRun(3));
        assertEquals(-1, numbers.takeRun(6));
        assertArrayEquals(new long[] {1, 2, 4, 5, 7}, numbers.toSortedArray());
    }

    @Test
    void takeRunSortsUnsortedAdds() {
        PageNumbers numbers = of(12, 3, 10, 4, 11);
        assertEquals(10, numbers.takeRun(3));
        assertArrayEquals(new long[] {3, 4}, numbers.toSortedArray());
    }

    @Test
    void takeRunAtTheEndAndAfterTakeLowest() {
        PageNumbers numbers = of(1, 5, 6, 7);
        assertEquals(1, numbers.takeLowest());
        assertEquals(5, numbers.takeRun(3));
        assertTrue(numbers.isEmpty());
        numbers.add(2);
        assertEquals(2, numbers.takeLowest());
    }

    @Test
    void takeRunOfOneIsTheLowest() {
        PageNumbers numbers = of(8, 3, 5);
        assertEquals(3, numbers.takeRun(1));
        assertArrayEquals(new long[] {5, 8}, numbers.toSortedArray());
    }

    @Test
    void clearEmpties() {
        PageNumbers numbers = of(3, 1, 2);
        numbers.takeLowest();
        numbers.clear();
        assertTrue(numbers.isEmpty());
        numbers.add(9);
        numbers.add(8);
        assertArrayEquals(new long[] {8, 9}, numbers.toSortedArray());
    }

    @Test
    void growsPastItsInitialCapacity() {
        PageNumbers numbers = new PageNumbers();
        List<Long> shuffled = new ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            shuffled.add(i * 2);
        }
        Collections.shuffle(shuffled, new Random(5));
        shuffled.forEach(numbers::add);
        assertEquals(10_000, numbers.size());
        for (long i = 0; i < 10_000; i++) {
            assertEquals(i * 2, numbers.takeLowest());
        }
        assertFalse(numbers.size() > 0);
    }

    @Test
    void compactsWhenTakesFreedTheFront() {
        PageNumbers numbers = new PageNumbers();
        long next = 0;
        TreeSet<Long> model = new TreeSet<>();
        // a queue that never holds more than a few numbers but moves far past the array's length
        for (int round = 0; round < 10_000; round++) {
            numbers.add(next);
            model.add(next++);
            if (round % 3 != 0) {
                assertEquals(model.pollFirst(), numbers.takeLowest());
            }
            assertEquals(model.size(), numbers.size());
        }
        assertArrayEquals(model.stream().mapToLong(Long::longValue).toArray(), numbers.toSortedArray());
    }

    @Test
    void randomOperationsMatchATreeSet() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            PageNumbers numbers = new PageNumbers();
            TreeSet<Long> model = new TreeSet<>();
            int bound = 50 + random.nextInt(3000);
            for (int step = 0; step < 5_000; step++) {
                int op = random.nextInt(10);
                if (op < 4) {
                    long pageNumber = 2 + random.nextInt(bound);
                    if (model.add(pageNumber)) {
                        numbers.add(pageNumber);
                    }
                } else if (op < 5) {
                    long first = 2 + random.nextInt(bound);
                    int pages = 1 + random.nextInt(8);
                    if (model.subSet(first, first + pages).isEmpty()) {
                        numbers.addRun(first, pages);
                        for (int i = 0; i < pages; i++) {
                            model.add(first + i);
                        }
                    }
                } else if (op < 7) {
                    if (!model.isEmpty()) {
                        assertEquals(model.pollFirst(), numbers.takeLowest(), "seed " + seed + " step " + step);
                    }
                } else if (op < 9) {
                    int pages = 1 + random.nextInt(6);
                    long expected = lowestRun(model, pages);
                    assertEquals(expected, numbers.takeRun(pages), "seed " + seed + " step " + step + " run " + pages);
                    for (int i = 0; expected >= 0 && i < pages; i++) {
                        model.remove(expected + i);
                    }
                } else if (random.nextInt(50) == 0) {
                    numbers.clear();
                    model.clear();
                }
                assertEquals(model.size(), numbers.size(), "seed " + seed + " step " + step);
                if (step % 100 == 0) {
                    assertArrayEquals(model.stream().mapToLong(Long::longValue).toArray(), numbers.toSortedArray(),
                            "seed " + seed + " step " + step);
                }
            }
        }
    }

    /** The first number of the lowest run of {@code pages} contiguous numbers in {@code model}, or -1. */
    private static long lowestRun(TreeSet<Long> model, int pages) {
        long runStart = -1;
        long previous = -2;
        for (long pageNumber : model) {
            if (pageNumber != previous + 1) {
                runStart = pageNumber;
            }
            previous = pageNumber;
            if (pageNumber - runStart + 1 == pages) {
                return runStart;
            }
        }
        return -1;
    }
}
