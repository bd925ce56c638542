package org.larch.backend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.larch.backend.entry.AttributeDescription;
import org.junit.jupiter.api.Test;

class RepeatedLayoutIdsTest {
    private static final Map<String, Integer> DICTIONARY = Map.of("cn", 1, "sn", 2, "mail", 3, "CN", 4);

    private final List<String> asked = new ArrayList<>();
    private final RepeatedLayoutIds ids = new RepeatedLayoutIds(description -> {
        asked.add(description.text());
        return DICTIONARY.get(description.text());
    });

    @Test
    void aRepeatedLayoutAsksTheDictionaryOnce() {
        for (int entry = 0; entry < 3; entry++) {
            assertEquals(1, ids.idOf(0, AttributeDescription.parse(new String("cn"))));
            assertEquals(2, ids.idOf(1, AttributeDescription.parse(new String("sn"))));
        }
        assertEquals(List.of("cn", "sn"), asked);
    }

    @Test
    void aDifferentTextAtAPositionIsLookedUp() {
        assertEquals(1, ids.idOf(0, AttributeDescription.parse("cn")));
        assertEquals(3, ids.idOf(0, AttributeDescription.parse("mail")));
        assertEquals(4, ids.idOf(0, AttributeDescription.parse("CN")));
        assertEquals(1, ids.idOf(0, AttributeDescription.parse("cn")));
        assertEquals(List.of("cn", "mail", "CN", "cn"), asked);
    }

    @Test
    void entriesWithManyAttributesGrowTheMemory() {
        for (int position = 0; position < 100; position++) {
            assertEquals(2, ids.idOf(position, AttributeDescription.parse("sn")));
        }
        assertEquals(2, ids.idOf(99, AttributeDescription.parse("sn")));
        assertEquals(100, asked.size());
    }
}
