package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/** Add, modify, delete, modify DN and compare over the wire: what reaches the directory, what comes back. */
class UpdateHandlersTest extends ServerTest {
    private static final String ALICE = "uid=alice,ou=people,dc=example,dc=com";

    @Test
    void addKeepsAttributeOrderAndDescriptionsAndResolvesTypes() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            connection.add("uid=dave,ou=people,dc=example,dc=com", List.of(
                    new com.unboundid.ldap.sdk.Attribute("sn", "D"),
                    new com.unboundid.ldap.sdk.Attribute("x-unknown", "u"),
                    new com.unboundid.ldap.sdk.Attribute("objectClass", "inetOrgPerson"),
                    new com.unboundid.ldap.sdk.Attribute("CN;lang-en", "Dave"),
                    new com.unboundid.ldap.sdk.Attribute("uid", "dave"),
                    new com.unboundid.ldap.sdk.Attribute("description", "one", "two", "three")));
        }
        DirectoryEntry dave = directory.get("uid=dave,ou=people,dc=example,dc=com");
        assertEquals(List.of("sn", "x-unknown", "objectClass", "CN;lang-en", "uid", "description"),
                dave.attributes().stream().map(attribute -> attribute.description().text()).toList());
        assertEquals(List.of("one", "two", "three"), dave.get("description").values().stream()
                .map(value -> new String(value, StandardCharsets.UTF_8)).toList());
        EntryAttribute cn = dave.get("cn;lang-en");
        assertEquals("CN;lang-en", cn.description().text());
        assertEquals("2.5.4.3", cn.type().getOid());
        assertNull(dave.get("x-unknown").type());
        assertEquals("u", new String(dave.get("x-unknown").values().getFirst(), StandardCharsets.UTF_8));
    }

    @Test
    void addUnderAMissingParentIsNoSuchObjectWithMatchedDn() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            LDAPException failure = assertThrows(LDAPException.class,
                    () -> connection.add("cn=x,ou=gone,dc=example,dc=com", List.of(
                            new com.unboundid.ldap.sdk.Attribute("objectClass", "person"))));
            assertEquals(ResultCode.NO_SUCH_OBJECT, failure.getResultCode());
            assertEquals("dc=example,dc=com", failure.getMatchedDN());
        }
    }

    @Test
    void anonymousWriteIsInsufficientAccessRights() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.delete(ALICE));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, failure.getResultCode());
            assertEquals("only the rootdn writes here", failure.getDiagnosticMessage());
        }
    }

    @Test
    void modifyPassesEveryChangeInOrder() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            connection.modify(ALICE,
                    new Modification(ModificationType.REPLACE, "cn", "Alice A"),
                    new Modification(ModificationType.ADD, "description", "first", "second"),
                    new Modification(ModificationType.DELETE, "mail"));
        }
        DirectoryEntry alice = directory.get(ALICE);
        assertEquals("Alice A", new String(alice.get("cn").values().getFirst(), StandardCharsets.UTF_8));
        assertEquals(2, alice.get("description").values().size());
        assertNull(alice.get("mail"));
    }

    @Test
    void deleteOfANonLeafIsNotAllowedOnNonLeaf() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.delete("ou=people,dc=example,dc=com"));
            assertEquals(ResultCode.NOT_ALLOWED_ON_NONLEAF, failure.getResultCode());
            connection.delete(ALICE);
        }
        assertNull(directory.get(ALICE));
    }

    @Test
    void modifyDnRenamesAndMoves() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            connection.modifyDN(ALICE, "uid=alicia", true, "dc=example,dc=com");
        }
        assertNull(directory.get(ALICE));
        assertNotNull(directory.get("uid=alicia,dc=example,dc=com"));
    }

    @Test
    void compareAnswersTrueOrFalse() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            assertTrue(connection.compare(ALICE, "sn", "liddell").compareMatched());
            assertFalse(connection.compare(ALICE, "sn", "other").compareMatched());
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.compare(ALICE, "title", "x"));
            assertEquals(ResultCode.NO_SUCH_ATTRIBUTE, failure.getResultCode());
        }
    }
}
