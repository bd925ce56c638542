package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenDnsTest {

    @Test
    void aDnIsNewOnceAndARepeatIsFlagged() {
        SeenDns seen = new SeenDns();
        assertTrue(seen.addIfNew("uid=a,ou=people,dc=example,dc=com"));
        assertTrue(seen.addIfNew("uid=b,ou=people,dc=example,dc=com"));
        assertFalse(seen.addIfNew("uid=a,ou=people,dc=example,dc=com"));
        assertEquals(2, seen.size());
    }

    @Test
    void manyDnsAcrossGrowthAgreeWithASet() {
        SeenDns seen = new SeenDns();
        Set<String> model = new HashSet<>();
        Random random = new Random(7);
        for (int index = 0; index < 200_000; index++) {
            String dn = "uid=user." + random.nextInt(150_000) + ",ou=people,dc=example,dc=com";
            assertEquals(model.add(dn), seen.addIfNew(dn), dn);
        }
        assertEquals(model.size(), seen.size());
    }

    @Test
    void theHashIsNeverTheEmptyMarker() {
        assertTrue(SeenDns.hash("") != 0);
        assertTrue(SeenDns.hash("x") != SeenDns.hash("y"));
    }
}
