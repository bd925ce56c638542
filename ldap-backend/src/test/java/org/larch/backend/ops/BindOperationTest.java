package org.larch.backend.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.ops.TestEntries.utf8;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.DirectorySettings;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.auth.PasswordHashes;

class BindOperationTest {
    private static final String ALICE = "cn=Alice,ou=people,dc=example,dc=com";

    @TempDir
    Path directory;
    private DirectoryFixture fixture;
    private BindOperation bind;

    @BeforeEach
    void open() {
        fixture = DirectoryFixture.populated(directory);
        fixture.addAsRoot(fixture.person("Alice"));
        String hashed = new String(PasswordHashes.hash(utf8("hashed-secret")), StandardCharsets.UTF_8);
        fixture.addAsRoot(fixture.entries.entry("cn=Bob,ou=people,dc=example,dc=com", "objectClass: person",
                "cn: Bob", "sn: B", "userPassword: " + hashed, "userPassword: second"));
        bind = new BindOperation(fixture.context);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void rootDnWithRootPassword() {
        Identity who = bind.run(fixture.dn("CN=ADMIN,dc=example,dc=com"), utf8("secret"));
        assertTrue(who.root());
        assertEquals(fixture.dn(DirectoryFixture.ROOT_DN), who.dn());
    }

    @Test
    void hashedRootPassword() {
        String hashed = new String(PasswordHashes.hash(utf8("top")), StandardCharsets.UTF_8);
        BindOperation hashedRoot = new BindOperation(new OperationContext(fixture.store,
                withRootPassword(hashed), fixture.context.csns(), fixture.context.rules(), fixture.context.indexes(),
                fixture.context.filters(), fixture.context.operational(), fixture.context.readControls()));
        assertTrue(hashedRoot.run(fixture.dn(DirectoryFixture.ROOT_DN), utf8("top")).root());
        assertInvalid(() -> hashedRoot.run(fixture.dn(DirectoryFixture.ROOT_DN), utf8(hashed)));
    }

    @Test
    void entryWithPlainPassword() {
        Identity who = bind.run(fixture.dn(ALICE), utf8("secret-Alice"));
        assertFalse(who.root());
        assertEquals(fixture.dn(ALICE), who.dn());
    }

    @Test
    void entryWithHashedPasswordAndAnyOfItsValues() {
        assertEquals(fixture.dn("cn=bob,ou=people,dc=example,dc=com"),
                bind.run(fixture.dn("cn=bob,ou=people,dc=example,dc=com"), utf8("hashed-secret")).dn());
        bind.run(fixture.dn("cn=bob,ou=people,dc=example,dc=com"), utf8("second"));
    }

    @Test
    void wrongPasswordAndUnknownDnLookTheSame() {
        LdapOperationException wrong = assertInvalid(() -> bind.run(fixture.dn(ALICE), utf8("guess")));
        LdapOperationException unknown = assertInvalid(
                () -> bind.run(fixture.dn("cn=Nobody,ou=people,dc=example,dc=com"), utf8("guess")));
        LdapOperationException outside = assertInvalid(() -> bind.run(fixture.dn("cn=x,dc=other"), utf8("guess")));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(wrong.getMessage(), outside.getMessage());
        assertEquals(null, unknown.matchedDn());
    }

    @Test
    void wrongRootPassword() {
        assertInvalid(() -> bind.run(fixture.dn(DirectoryFixture.ROOT_DN), utf8("guess")));
    }

    @Test
    void anonymous() {
        assertTrue(bind.run(Dn.EMPTY_DN, new byte[0]).isAnonymous());
        assertInvalid(() -> bind.run(Dn.EMPTY_DN, utf8("password")));
    }

    @Test
    void unauthenticatedBindIsRefused() {
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> bind.run(fixture.dn(ALICE), new byte[0]));
        assertEquals(ResultCodeEnum.UNWILLING_TO_PERFORM, error.resultCode());
    }

    private static LdapOperationException assertInvalid(Runnable bindAttempt) {
        LdapOperationException error = assertThrows(LdapOperationException.class, bindAttempt::run);
        assertEquals(ResultCodeEnum.INVALID_CREDENTIALS, error.resultCode());
        return error;
    }

    private DirectorySettings withRootPassword(String rootPassword) {
        var settings = fixture.context.settings();
        return new DirectorySettings(settings.directory(), settings.maxSizeBytes(), settings.suffix(),
                settings.rootDn(), rootPassword, settings.indexes(), settings.sizeLimit(), settings.timeLimitSeconds(),
                settings.readTxnRenewEntries(), settings.schemaFiles(), settings.serverId(),
                settings.supportedControls(), settings.supportedExtensions(), settings.supportedSaslMechanisms(),
                settings.vendorVersion());
    }
}
