package org.larch.backend.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.ops.TestEntries.texts;
import static org.larch.backend.ops.TestEntries.utf8;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.csn.Csn;

class PasswordModifyOperationTest {
    private static final String ALICE = "cn=Alice,ou=people,dc=example,dc=com";
    private static final String BOB = "cn=Bob,ou=people,dc=example,dc=com";

    @TempDir
    Path directory;
    private DirectoryFixture fixture;
    private PasswordModifyOperation passwordModify;
    private BindOperation bind;

    @BeforeEach
    void open() {
        fixture = DirectoryFixture.populated(directory);
        fixture.addAsRoot(fixture.person("Alice"));
        fixture.addAsRoot(fixture.person("Bob"));
        passwordModify = new PasswordModifyOperation(fixture.context);
        bind = new BindOperation(fixture.context);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aUserChangesItsOwnPasswordStoredAsSsha() {
        Csn before = fixture.context.operational().entryCsn(fixture.read(ALICE));
        assertNull(passwordModify.run(fixture.user(ALICE), null, utf8("secret-Alice"), utf8("new one")));

        List<String> stored = texts(fixture.read(ALICE), "userPassword");
        assertEquals(1, stored.size());
        assertTrue(stored.getFirst().startsWith("{SSHA}"), stored.getFirst());
        bind.run(fixture.dn(ALICE), utf8("new one"));
        assertThrows(LdapOperationException.class, () -> bind.run(fixture.dn(ALICE), utf8("secret-Alice")));
        assertTrue(fixture.context.operational().entryCsn(fixture.read(ALICE)).isAfter(before));
        assertEquals(List.of(ALICE), texts(fixture.read(ALICE), "modifiersName"));
    }

    @Test
    void aGeneratedPasswordIsReturnedAndWorks() {
        byte[] generated = passwordModify.run(fixture.user(ALICE), null, null, null);
        assertNotNull(generated);
        assertEquals(16, generated.length);
        bind.run(fixture.dn(ALICE), generated);
        byte[] forEmpty = passwordModify.run(fixture.user(ALICE), null, null, new byte[0]);
        assertEquals(16, forEmpty.length);
        bind.run(fixture.dn(ALICE), forEmpty);
    }

    @Test
    void theRootDnSetsAnyonesPassword() {
        passwordModify.run(fixture.root, fixture.dn(BOB), null, utf8("from admin"));
        bind.run(fixture.dn(BOB), utf8("from admin"));
    }

    @Test
    void aUserMayNotSetAnotherUsersPassword() {
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> passwordModify.run(fixture.user(ALICE), fixture.dn(BOB), null, utf8("mine now")));
        assertEquals(ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS, error.resultCode());
    }

    @Test
    void aWrongOldPasswordChangesNothing() {
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> passwordModify.run(fixture.user(ALICE), null, utf8("guess"), utf8("new one")));
        assertEquals(ResultCodeEnum.UNWILLING_TO_PERFORM, error.resultCode());
        assertEquals(List.of("secret-Alice"), texts(fixture.read(ALICE), "userPassword"));
    }

    @Test
    void anonymousCallers() {
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> passwordModify.run(Identity.anonymous(), fixture.dn(ALICE), null, utf8("x")));
        assertEquals(ResultCodeEnum.STRONG_AUTH_REQUIRED, error.resultCode());
    }

    @Test
    void aMissingTarget() {
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> passwordModify.run(fixture.root, fixture.dn("cn=Nobody,ou=people,dc=example,dc=com"), null, utf8("x")));
        assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, error.resultCode());
    }
}
