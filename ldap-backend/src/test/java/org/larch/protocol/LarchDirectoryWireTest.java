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
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.DirectorySettings;
import org.larch.backend.LarchDirectory;

/** The front end over the real backend ({@link LarchDirectory} on a storage environment in a temporary directory). */
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
        server = new LdapServer(larch, new ProtocolSettings(List.of(URI.create("ldap://127.0.0.1:0")), null, null,
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

    @Test
    void aUserBindsChangesItsPasswordAndAsksWhoItIs() throws Exception {
        try (LDAPConnection connection = rootConnection()) {
            addPeople(connection);
            addPerson(connection, "dave");
        }
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port())) {
            connection.bind("uid=dave," + PEOPLE, "dave-password");
            assertEquals("dn:uid=dave," + PEOPLE, BindHandlerTest.whoAmI(connection));
            var changed = connection.processExtendedOperation(
                    new PasswordModifyExtendedRequest(null, "dave-password", "new-password"));
            assertEquals(ResultCode.SUCCESS, changed.getResultCode());
            assertTrue(connection.compare("uid=dave," + PEOPLE, "sn", "DAVE").compareMatched());
        }
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port())) {
            LDAPException wrong = assertThrows(LDAPException.class,
                    () -> connection.bind("uid=dave," + PEOPLE, "dave-password"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, wrong.getResultCode());
            connection.bind("uid=dave," + PEOPLE, "new-password");
        }
    }

    @Test
    void anonymousWhoAmIHasAnEmptyAuthzIdWithAndWithoutABind() throws Exception {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port())) {
            assertEquals("", BindHandlerTest.whoAmI(connection), "before any bind");
            connection.bind("", "");
            assertEquals("", BindHandlerTest.whoAmI(connection), "after an anonymous simple bind");
        }
        if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/ldapwhoami"))) {
            Process whoami = new ProcessBuilder("ldapwhoami", "-x", "-H", "ldap://127.0.0.1:" + port())
                    .redirectErrorStream(true).start();
            String output = new String(whoami.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(whoami.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "ldapwhoami did not finish");
            assertEquals("anonymous", output.strip());
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
}
