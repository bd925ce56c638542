package org.larch.backend.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link IdRunTable} against a {@link TreeMap} model: many keys (growth), colliding hashes, clear and reuse. */
class IdRunTableTest {
    private final Random random = new Random(11);

    @Test
    void keysAndTheirIdsMatchTheModelAcrossGrowthAndClear() {
        IdRunTable table = new IdRunTable();
        for (int round = 0; round < 3; round++) {
            Map<List<Byte>, List<Long>> model = new TreeMap<>(IdRunTableTest::compareUnsigned);
            for (long id = 1; id <= 20_000; id++) {
                for (int k = 0; k < 3; k++) {
                    byte[] bytes = randomKey();
                    table.add(new IndexKey(bytes), id);
                    model.computeIfAbsent(boxed(bytes), any -> new ArrayList<>()).add(id);
                }
            }
            assertMatches(model, table);
            table.clear();
            assertTrue(table.isEmpty());
            assertEquals(0, table.sorted().length);
        }
    }

    @Test
    void keysWithTheSameHashStayApart() {
        IndexKey one = new IndexKey(new byte[] {0, 31});
        IndexKey other = new IndexKey(new byte[] {1, 0});
        assertEquals(one.hashCode(), other.hashCode());
        IdRunTable table = new IdRunTable();
        table.add(one, 1);
        table.add(other, 2);
        table.add(one, 3);
        assertEquals(2, table.runOf(one).size());
        assertEquals(1, table.runOf(other).size());
        assertArrayEquals(new byte[] {0, 31}, table.sorted()[0].key().bytes());
        assertEquals(2, table.sorted()[0].ids().size());
        assertNull(table.runOf(new IndexKey(new byte[] {2})));
    }

    private void assertMatches(Map<List<Byte>, List<Long>> model, IdRunTable table) {
        IdRunTable.KeyRun[] sorted = table.sorted();
        assertEquals(model.size(), sorted.length);
        int index = 0;
        for (Map.Entry<List<Byte>, List<Long>> expected : model.entrySet()) {
            IdRunTable.KeyRun run = sorted[index++];
            assertEquals(expected.getKey(), boxed(run.key().bytes()));
            assertEquals(run.ids(), table.runOf(run.key()));
            byte[] packed = run.ids().packed();
            long[] ids = expected.getValue().stream().mapToLong(Long::longValue).distinct().sorted().toArray();
            assertEquals(ids.length * Long.BYTES, packed.length);
            for (int i = 0; i < ids.length; i++) {
                assertEquals(ids[i], java.nio.ByteBuffer.wrap(packed).getLong(i * Long.BYTES));
            }
        }
    }

    /** Short keys from a small alphabet: many repeats, and some Arrays.hashCode collisions. */
    private byte[] randomKey() {
        byte[] bytes = new byte[1 + random.nextInt(3)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(40);
        }
        return bytes;
    }

    private static List<Byte> boxed(byte[] bytes) {
        List<Byte> boxed = new ArrayList<>();
        for (byte b : bytes) {
            boxed.add(b);
        }
        return boxed;
    }

    private static int compareUnsigned(List<Byte> a, List<Byte> b) {
        byte[] left = new byte[a.size()];
        byte[] right = new byte[b.size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = a.get(i);
        }
        for (int i = 0; i < right.length; i++) {
            right[i] = b.get(i);
        }
        return Arrays.compareUnsigned(left, right);
    }
}
