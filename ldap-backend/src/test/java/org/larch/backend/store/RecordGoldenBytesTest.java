package org.larch.backend.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.EntryAttribute;
import org.junit.jupiter.api.Test;

/** Pins the byte layouts of id2entry and dn2id records as their classes document them. */
class RecordGoldenBytesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void entryRecordLayout() {
        List<EntryAttribute> attributes = List.of(
                attribute("cn", "ab", "c"),
                attribute("sn;lang-en", ""));
        Map<String, Integer> ids = Map.of("cn", 3, "sn;lang-en", 200);
        byte[] encoded = EntryRecord.encode(attributes, (position, description) -> ids.get(description.text()));
        // format 1, 2 attributes; cn=3, 2 values: len 2 "ab", len 1 "c"; id 200 = varint c8 01, 1 value of length 0
        assertEquals("01" + "02" + "03" + "02" + "02" + "6162" + "01" + "63" + "c801" + "01" + "00", HEX.formatHex(encoded));

        List<EntryAttribute> decoded = EntryRecord.decode(encoded, id -> new DictionaryEntry(id,
                AttributeDescription.parse(id == 3 ? "cn" : "sn;lang-en"), null));
        assertEquals("cn", decoded.get(0).description().text());
        assertArrayEquals("ab".getBytes(StandardCharsets.UTF_8), decoded.get(0).values().get(0));
        assertEquals(List.of("lang-en"), decoded.get(1).description().options());
        assertEquals(0, decoded.get(1).values().get(0).length);
    }

    @Test
    void entryRecordWithMultiByteVarintsIsSizedExactly() {
        byte[] longValue = new byte[300];
        java.util.Arrays.fill(longValue, (byte) 'x');
        List<EntryAttribute> attributes = new java.util.ArrayList<>();
        for (int i = 0; i < 130; i++) {
            attributes.add(new EntryAttribute(AttributeDescription.parse("description"), null, List.of(longValue)));
        }
        byte[] encoded = EntryRecord.encode(attributes, (position, description) -> 20_000);
        // format, count 130 = 82 01; per attribute: id 20000 = a0 9c 01, 1 value, length 300 = ac 02, 300 bytes
        assertEquals(1 + 2 + 130 * (3 + 1 + 2 + 300), encoded.length);
        assertEquals("018201" + "a09c01" + "01" + "ac02" + "7878", HEX.formatHex(encoded, 0, 11));
        List<EntryAttribute> decoded = EntryRecord.decode(encoded, id -> new DictionaryEntry(id,
                AttributeDescription.parse("description"), null));
        assertEquals(130, decoded.size());
        assertArrayEquals(longValue, decoded.get(129).values().get(0));
    }

    @Test
    void entryRecordRejectsTruncationAndTrailingBytes() {
        byte[] good = HEX.parseHex("0101030102" + "6162");
        EntryRecord.decode(good, id -> new DictionaryEntry(id, AttributeDescription.parse("cn"), null));
        CorruptRecordException truncated = assertThrows(CorruptRecordException.class, () -> EntryRecord.decode(
                HEX.parseHex("0101030102" + "61"), id -> new DictionaryEntry(id, AttributeDescription.parse("cn"), null)));
        assertEquals(true, truncated.getMessage().contains("truncated"));
        assertThrows(CorruptRecordException.class, () -> EntryRecord.decode(
                HEX.parseHex("0101030102" + "616200"), id -> new DictionaryEntry(id, AttributeDescription.parse("cn"), null)));
        assertThrows(CorruptRecordException.class, () -> EntryRecord.decode(
                HEX.parseHex("02"), id -> null));
    }

    @Test
    void selfRecordLayout() {
        SelfRecord self = new SelfRecord(0x0102, "2.5.4.3=a", "CN=A");
        assertEquals("00" + "0000000000000102" + "0009" + HEX.formatHex("2.5.4.3=a".getBytes(StandardCharsets.UTF_8))
                + HEX.formatHex("CN=A".getBytes(StandardCharsets.UTF_8)), HEX.formatHex(self.encode()));
        assertEquals(self, SelfRecord.decode(self.encode()));
    }

    @Test
    void childRecordLayout() {
        ChildRecord child = new ChildRecord("2.5.4.3=a", 7, 300);
        assertEquals("01" + "0009" + HEX.formatHex("2.5.4.3=a".getBytes(StandardCharsets.UTF_8))
                + "0000000000000007" + "000000000000012c", HEX.formatHex(child.encode()));
        assertEquals(child, ChildRecord.decode(child.encode()));
        assertEquals(7, ChildRecord.childIdOf(child.encode()));
        assertEquals(300, ChildRecord.subtreeSizeOf(child.encode()));
        assertEquals(true, ChildRecord.startsWith(child.encode(), ChildRecord.searchPrefix("2.5.4.3=a")));
        assertEquals(false, ChildRecord.startsWith(child.encode(), ChildRecord.searchPrefix("2.5.4.3=")));
    }

    @Test
    void entryIdKeysAreBigEndian() {
        assertEquals("0000000000010203", HEX.formatHex(EntryIds.key(0x010203)));
        assertEquals(0x010203, EntryIds.fromKey(EntryIds.key(0x010203)));
    }

    private static EntryAttribute attribute(String description, String... values) {
        return new EntryAttribute(AttributeDescription.parse(description), null,
                java.util.Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.UTF_8)).toList());
    }
}
