package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SubPage}'s in-place forms against its list encoding: a value inserted into an encoded
 * sub-page, and a sub-page encoded from packed values, are byte for byte what {@link SubPage#encode}
 * makes of the same values.
 */
class SubPageTest {
    @Test
    void insertingAValueEqualsEncodingTheLongerList() {
        Random random = new Random(5);
        for (int trial = 0; trial < 2_000; trial++) {
            boolean fixed = trial % 2 == 0;
            int fixedSize = fixed ? 1 + random.nextInt(9) : 0;
            List<byte[]> values = distinctSorted(random, 2 + random.nextInt(20), fixedSize);
            byte[] extra = values.remove(random.nextInt(values.size()));
            MemorySegment subPage = MemorySegment.ofArray(SubPage.encode(values, fixedSize));
            int index = SubPage.search(subPage, MemorySegment.ofArray(extra), KeyComparator.LEXICOGRAPHIC);
            byte[] inserted = SubPage.withValue(subPage, -index - 1, MemorySegment.ofArray(extra));
            List<byte[]> longer = new ArrayList<>(values);
            longer.add(-index - 1, extra);
            assertArrayEquals(SubPage.encode(longer, fixedSize), inserted, "trial " + trial);
            assertEquals(inserted.length, SubPage.sizeWithOneMore(subPage, extra.length));
            byte[] garbage = new byte[inserted.length];
            Arrays.fill(garbage, (byte) 0x5a);
            SubPage.withValue(subPage, -index - 1, MemorySegment.ofArray(extra), MemorySegment.ofArray(garbage));
            assertArrayEquals(inserted, garbage, "into a used buffer, trial " + trial);
        }
    }

    /** Search finds every value, and for others the insertion point a list's binary search gives. */
    @Test
    void searchAgreesWithTheList() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int fixedSize = trial % 2 == 0 ? 1 + random.nextInt(9) : 0;
            List<byte[]> values = distinctSorted(random, 2 + random.nextInt(30), fixedSize);
            MemorySegment subPage = MemorySegment.ofArray(SubPage.encode(values, fixedSize));
            for (int i = 0; i < values.size(); i++) {
                assertEquals(i, SubPage.search(subPage, MemorySegment.ofArray(values.get(i)), KeyComparator.LEXICOGRAPHIC));
            }
            for (int probe = 0; probe < 20; probe++) {
                byte[] value = new byte[fixedSize > 0 ? fixedSize : 1 + random.nextInt(12)];
                random.nextBytes(value);
                if (probe == 0) {
                    Arrays.fill(value, (byte) 0xff);
                } else if (probe == 1) {
                    Arrays.fill(value, (byte) 0);
                }
                int expected = java.util.Collections.binarySearch(values, value, Arrays::compareUnsigned);
                assertEquals(expected, SubPage.search(subPage, MemorySegment.ofArray(value), KeyComparator.LEXICOGRAPHIC),
                        "trial " + trial + " probe " + probe);
            }
        }
    }

    @Test
    void packedValuesEncodeAsTheList() {
        List<byte[]> values = distinctSorted(new Random(9), 40, 8);
        byte[] packed = new byte[8 * values.size() + 3];
        for (int i = 0; i < values.size(); i++) {
            System.arraycopy(values.get(i), 0, packed, 3 + 8 * i, 8);
        }
        byte[] encoded = SubPage.encodePacked(MemorySegment.ofArray(packed), 3, values.size(), 8);
        assertArrayEquals(SubPage.encode(values, 8), encoded);
        assertEquals(encoded.length, SubPage.encodedSize(values.size(), 8));
        assertArrayEquals(Arrays.copyOfRange(packed, 3, packed.length),
                SubPage.packedValues(MemorySegment.ofArray(encoded)).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
    }

    /** {@code count} distinct values in unsigned order, all {@code fixedSize} bytes, or 1 to 12 when 0. */
    private static List<byte[]> distinctSorted(Random random, int count, int fixedSize) {
        List<byte[]> values = new ArrayList<>();
        while (values.size() < count) {
            byte[] value = new byte[fixedSize > 0 ? fixedSize : 1 + random.nextInt(12)];
            random.nextBytes(value);
            if (values.stream().noneMatch(v -> Arrays.equals(v, value))) {
                values.add(value);
            }
        }
        values.sort(Arrays::compareUnsigned);
        return values;
    }
}
