package org.larch.backend.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Golden bytes of the index key and configuration record layouts. */
class IndexEncodingTest {

    @Test
    void indexKeys() {
        assertArrayEquals(new byte[] {0x01}, IndexKey.present().bytes());
        assertArrayEquals(new byte[] {0x02, 'a', 'b'}, IndexKey.of(IndexKey.EQUALITY, new byte[] {'a', 'b'}).bytes());
        assertArrayEquals(new byte[] {0x04, 'x', 'y', 'z'}, IndexKey.of(IndexKey.SUB_ANY, new byte[] {'x', 'y', 'z'}).bytes());
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0x01, 0x02}, IdListReader.encodeId(258));
    }

    @Test
    void longKeysAreShortenedWithADigest() {
        byte[] value = new byte[1000];
        value[999] = 1;
        byte[] key = IndexKey.of(IndexKey.EQUALITY, value).bytes();
        assertEquals(IndexKey.MAX_KEY_BYTES, key.length);
        assertEquals(IndexKey.EQUALITY, key[0]);
        byte[] other = IndexKey.of(IndexKey.EQUALITY, new byte[1000]).bytes();
        assertEquals(IndexKey.MAX_KEY_BYTES, other.length);
        assertEquals(false, java.util.Arrays.equals(key, other), "the digest tells the values apart");
    }

    @Test
    void configurationRecord() {
        IndexConfigRecord record = new IndexConfigRecord("2.5.4.3", EnumSet.of(IndexKind.EQ, IndexKind.SUB_ANY));
        assertArrayEquals(new byte[] {0x01, 0x0A, '2', '.', '5', '.', '4', '.', '3'}, record.encode());
        assertEquals(record, IndexConfigRecord.decode(record.encode()));
    }
}
