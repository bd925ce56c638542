package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import com.unboundid.ldap.sdk.controls.PostReadRequestControl;
import com.unboundid.ldap.sdk.controls.PostReadResponseControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.DirectorySettings;
import org.larch.backend.LarchDirectory;

/**
 * The front end over the real backend ({@link LarchDirectory} on a storage environment in a temporary
 * directory). LarchDirectory's bind is not wired yet on h/backend, so the rootdn bind is answered by a
 * thin wrapper; every other operation goes to the real directory.
 */
class LarchDirectoryWireTest {
    private static final String SUFFIX = "dc=example,dc=com";
    private static final String ROOT_DN = "cn=admin," + SUFFIX;
    private static final String PEOPLE = "ou=people," + SUFFIX;

    @TempDir
    Path directory;
    private LarchDirectory larch;
    private LdapServer server;

    @BeforeEach
    void start() {
        larch = LarchDirectory.open(new DirectorySettings(directory, 1L << 30, SUFFIX, ROOT_DN, "secret", List.of(),
                0, 0, 1000, List.of(), 1, SupportedFeatures.controls(), SupportedFeatures.extensions(), List.of(), "test"));
        server = new LdapServer(new RootBindOnTop(larch), new ProtocolSettings(List.of(URI.create("ldap://127.0.0.1:0")), null, null,
                1 << 20, 100, 0));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        larch.close();
    }

    @Test
    void anAddedEntryComesBackInTheOrderAndSpellingItWasStored() throws Exception {
        try (LDAPConnection connection = rootConnection()) {
            addPeople(connection);
            connection.add("uid=alice," + PEOPLE, List.of(new Attribute("sn", "Liddell"),
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                    new Attribute("CN", "Alice Liddell"), new Attribute("uid", "alice"),
                    new Attribute("description", "second", "first")));
            SearchResultEntry alice = connection.getEntry("uid=alice," + PEOPLE);
            assertEquals(List.of("sn", "objectClass", "CN", "uid", "description"),
                    alice.getAttributes().stream().map(Attribute::getName).toList());
            assertEquals(List.of("second", "first"), List.of(alice.getAttributeValues("description")));
        }
    }

    @Test
    void errorsCarryTheirCodeMatchedDnAndMessage() throws Exception {
        try (LDAPConnection connection = rootConnection()) {
            LDAPException missing = assertThrows(LDAPException.class, () -> connection.add("uid=x,ou=nowhere," + SUFFIX,
                    List.of(new Attribute("objectClass", "account"), new Attribute("uid", "x"))));
            assertEquals(ResultCode.NO_SUCH_OBJECT, missing.getResultCode());
            assertEquals(SUFFIX, missing.getMatchedDN());
            assertTrue(missing.getDiagnosticMessage() != null && !missing.getDiagnosticMessage().isEmpty());
            addPeople(connection);
            addPerson(connection, "bob");
            LDAPException nonLeaf = assertThrows(LDAPException.class, () -> connection.delete(PEOPLE));
            assertEquals(ResultCode.NOT_ALLOWED_ON_NONLEAF, nonLeaf.getResultCode());
        }
    }

    @Test
    void assertionAndPostReadControlsReachTheBackend() throws Exception {
        try (LDAPConnection connection = rootConnection()) {
            addPeople(connection);
            addPerson(connection, "carol");
            ModifyRequest failing = new ModifyRequest("uid=carol," + PEOPLE, new Modification(ModificationType.REPLACE, "sn", "X"));
            failing.addControl(new AssertionRequestControl("(sn=nobody)", true));
            assertEquals(122, assertThrows(LDAPException.class, () -> connection.modify(failing)).getResultCode().intValue());

            ModifyRequest reading = new ModifyRequest("uid=carol," + PEOPLE, new Modification(ModificationType.REPLACE, "sn", "After"));
            reading.addControl(new PostReadRequestControl(true, "sn"));
            LDAPResult result = connection.modify(reading);
            assertEquals("After", PostReadResponseControl.get(result).getEntry().getAttributeValue("sn"));
        }
    }

    @Test
    void pagedSearchWalksEveryEntry() throws Exception {
        try (LDAPConnection connection = rootConnection()) {
            addPeople(connection);
            for (int i = 0; i < 7; i++) {
                addPerson(connection, "user" + i);
            }
            int seen = 0;
            int pages = 0;
            ASN1OctetString cookie = null;
            do {
                SearchRequest request = new SearchRequest(PEOPLE, SearchScope.ONE, "(objectClass=person)", "uid");
                request.addControl(new SimplePagedResultsControl(3, cookie, true));
                SearchResult result = connection.search(request);
                seen += result.getEntryCount();
                cookie = SimplePagedResultsControl.get(result).getCookie();
                pages++;
            } while (cookie != null && cookie.getValueLength() > 0);
            assertEquals(7, seen);
            assertEquals(3, pages);
        }
    }

    private LDAPConnection rootConnection() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port(), ROOT_DN, "secret");
    }

    private int port() {
        return server.boundAddresses().getFirst().getPort();
    }

    private static void addPeople(LDAPConnection connection) throws LDAPException {
        connection.add(PEOPLE, List.of(new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "people")));
    }

    private static void addPerson(LDAPConnection connection, String uid) throws LDAPException {
        connection.add("uid=" + uid + "," + PEOPLE, List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid), new Attribute("cn", uid), new Attribute("sn", uid),
                new Attribute("userPassword", uid + "-password")));
    }

    /** Answers the rootdn's simple bind, delegates everything else (remove once LarchDirectory.bind is wired). */
    private record RootBindOnTop(org.larch.backend.Directory real) implements org.larch.backend.Directory {
        @Override
        public org.larch.backend.Identity bind(org.apache.directory.api.ldap.model.name.Dn dn, byte[] password) {
            if (dn.getNormName().equals(InMemoryDirectory.dn(ROOT_DN).getNormName())
                    && new String(password, java.nio.charset.StandardCharsets.UTF_8).equals("secret")) {
                return new org.larch.backend.Identity(dn, true);
            }
            return real.bind(dn, password);
        }

        @Override
        public org.larch.backend.schema.DirectorySchema schema() {
            return real.schema();
        }

        @Override
        public org.larch.backend.request.SearchOutcome search(org.larch.backend.Identity who,
                org.larch.backend.request.SearchSpec spec, org.larch.backend.request.SearchSink sink) {
            return real.search(who, spec, sink);
        }

        @Override
        public org.larch.backend.request.UpdateOutcome add(org.larch.backend.Identity who,
                org.larch.backend.entry.DirectoryEntry entry, org.larch.backend.request.UpdateControls controls) {
            return real.add(who, entry, controls);
        }

        @Override
        public org.larch.backend.request.UpdateOutcome delete(org.larch.backend.Identity who,
                org.apache.directory.api.ldap.model.name.Dn dn, org.larch.backend.request.UpdateControls controls) {
            return real.delete(who, dn, controls);
        }

        @Override
        public org.larch.backend.request.UpdateOutcome modify(org.larch.backend.Identity who,
                org.apache.directory.api.ldap.model.name.Dn dn, List<org.larch.backend.request.EntryModification> changes,
                org.larch.backend.request.UpdateControls controls) {
            return real.modify(who, dn, changes, controls);
        }

        @Override
        public org.larch.backend.request.UpdateOutcome modifyDn(org.larch.backend.Identity who,
                org.apache.directory.api.ldap.model.name.Dn dn, org.apache.directory.api.ldap.model.name.Rdn newRdn,
                boolean deleteOldRdn, org.apache.directory.api.ldap.model.name.Dn newSuperior,
                org.larch.backend.request.UpdateControls controls) {
            return real.modifyDn(who, dn, newRdn, deleteOldRdn, newSuperior, controls);
        }

        @Override
        public boolean compare(org.larch.backend.Identity who, org.apache.directory.api.ldap.model.name.Dn dn,
                String attributeDescription, byte[] value, org.larch.backend.request.UpdateControls controls) {
            return real.compare(who, dn, attributeDescription, value, controls);
        }

        @Override
        public byte[] modifyPassword(org.larch.backend.Identity who, org.apache.directory.api.ldap.model.name.Dn target,
                byte[] oldPassword, byte[] newPassword) {
            return real.modifyPassword(who, target, oldPassword, newPassword);
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
