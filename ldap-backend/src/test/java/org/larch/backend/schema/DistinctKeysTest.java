package org.larch.backend.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistinctKeysTest {

    @Test
    void aRepeatedKeyIsRefusedAmongFewKeys() {
        DistinctKeys keys = new DistinctKeys();
        assertTrue(keys.add(bytes("a")));
        assertTrue(keys.add(bytes("b")));
        assertFalse(keys.add(bytes("a")), "equal content, another array");
    }

    @Test
    void aRepeatedKeyIsRefusedAmongManyKeys() {
        DistinctKeys keys = new DistinctKeys();
        for (int index = 0; index < DistinctKeys.LINEAR_LIMIT * 3; index++) {
            assertTrue(keys.add(bytes("key" + index)));
        }
        assertFalse(keys.add(bytes("key0")));
        assertFalse(keys.add(bytes("key" + (DistinctKeys.LINEAR_LIMIT * 3 - 1))));
        assertTrue(keys.add(bytes("another")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
