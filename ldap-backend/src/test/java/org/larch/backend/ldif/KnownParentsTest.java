package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.directory.api.ldap.model.name.Dn;
import org.junit.jupiter.api.Test;

class KnownParentsTest {
    @Test
    void remembersParentsInterleavedAndForgetsThemAll() throws Exception {
        KnownParents parents = new KnownParents();
        Dn a = new Dn("ou=a,dc=example,dc=com");
        Dn b = new Dn("ou=b,dc=example,dc=com");
        parents.remember(a, 7);
        parents.remember(b, 9);
        assertEquals(7, parents.idOf(new Dn("ou=a,dc=example,dc=com")));
        assertEquals(9, parents.idOf(b));
        assertEquals(-1, parents.idOf(new Dn("ou=c,dc=example,dc=com")));
        parents.forget();
        assertEquals(-1, parents.idOf(a));
    }

    @Test
    void startsOverWhenFull() throws Exception {
        KnownParents parents = new KnownParents();
        for (int i = 0; i < KnownParents.CAPACITY; i++) {
            parents.remember(new Dn("ou=" + i + ",dc=example,dc=com"), i + 1);
        }
        assertEquals(1, parents.idOf(new Dn("ou=0,dc=example,dc=com")));
        parents.remember(new Dn("ou=last,dc=example,dc=com"), 99);
        assertEquals(-1, parents.idOf(new Dn("ou=0,dc=example,dc=com")));
        assertEquals(99, parents.idOf(new Dn("ou=last,dc=example,dc=com")));
    }
}
