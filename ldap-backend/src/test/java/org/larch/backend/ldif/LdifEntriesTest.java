package org.larch.backend.ldif;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;
import org.junit.jupiter.api.Test;

class LdifEntriesTest {
    private static final DirectorySchema SCHEMA = DirectorySchema.load(List.of());

    @Test
    void valuesOfOneDescriptionGatherInTheOrderOfTheirFirstLine() {
        LdifEntries entries = new LdifEntries(SCHEMA);
        DirectoryEntry entry = entries.entry(null, List.of(
                line("cn", "a"), line("sn", "b"), line("CN", "c"), line("cn;lang-en", "d"),
                line("cn;Lang-EN", "e"), line("cn", "f"), line("unknownType", "g")));
        List<EntryAttribute> attributes = entry.attributes();
        assertEquals(List.of("cn", "sn", "cn;lang-en", "unknownType"),
                attributes.stream().map(attribute -> attribute.description().text()).toList());
        assertEquals(List.of("a", "c", "f"), texts(attributes.get(0)));
        assertEquals(List.of("d", "e"), texts(attributes.get(2)));
        assertSame(SCHEMA.attributeType("cn"), attributes.get(0).type());
        assertNull(attributes.get(3).type());
    }

    @Test
    void entriesShareNoValueLists() {
        LdifEntries entries = new LdifEntries(SCHEMA);
        DirectoryEntry first = entries.entry(null, List.of(line("cn", "a")));
        DirectoryEntry second = entries.entry(null, List.of(line("cn", "b")));
        assertEquals(List.of("a"), texts(first.attributes().getFirst()));
        assertEquals(List.of("b"), texts(second.attributes().getFirst()));
    }

    private static LdifLine line(String name, String value) {
        return new LdifLine(1, name, value.getBytes(UTF_8));
    }

    private static List<String> texts(EntryAttribute attribute) {
        return attribute.values().stream().map(value -> new String(value, UTF_8)).toList();
    }
}
