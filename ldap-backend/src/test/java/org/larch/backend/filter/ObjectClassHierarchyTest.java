package org.larch.backend.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.larch.backend.store.TestSchema;
import org.junit.jupiter.api.Test;

/** Object class inheritance, whatever the spelling of the value, and asked again (remembered answers). */
class ObjectClassHierarchyTest {
    private static final String PERSON = "2.5.6.6";
    private static final String TOP = "2.5.6.0";
    private static final String INET_ORG_PERSON = "2.16.840.1.113730.3.2.2";

    private final ObjectClassHierarchy hierarchy = new ObjectClassHierarchy(TestSchema.get().schemaManager());

    @Test
    void everySpellingOfAClassGivesItsOidAndItsSuperclassesOnEveryCall() {
        for (int round = 0; round < 2; round++) {
            for (String spelling : new String[] {"inetOrgPerson", "INETORGPERSON", " inetorgperson ", INET_ORG_PERSON}) {
                Set<String> oids = hierarchy.selfAndSuperclassOids(bytes(spelling));
                assertTrue(oids.containsAll(Set.of(INET_ORG_PERSON, PERSON, TOP)), spelling + ": " + oids);
            }
        }
        assertTrue(hierarchy.isSubclassOf(bytes("InetOrgPerson"), PERSON));
        assertFalse(hierarchy.isSubclassOf(bytes("person"), INET_ORG_PERSON));
    }

    @Test
    void aClassTheSchemaLacksIsItsLowercasedName() {
        assertEquals(Set.of("nosuchclass"), hierarchy.selfAndSuperclassOids(bytes(" NoSuchClass")));
        assertEquals(Set.of("nosuchclass"), hierarchy.selfAndSuperclassOids(bytes(" NoSuchClass")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
