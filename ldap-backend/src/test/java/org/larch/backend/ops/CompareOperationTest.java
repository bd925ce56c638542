package org.larch.backend.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.ops.TestEntries.utf8;

import java.nio.file.Path;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.request.UpdateControls;

class CompareOperationTest {
    private static final String ALICE = "cn=Alice,ou=people,dc=example,dc=com";

    @TempDir
    Path directory;
    private DirectoryFixture fixture;
    private CompareOperation compare;

    @BeforeEach
    void open() {
        fixture = DirectoryFixture.populated(directory);
        fixture.addAsRoot(fixture.entries.entry(ALICE, "objectClass: inetOrgPerson", "cn: Alice",
                "cn;lang-fr: Alix", "sn: Liddell", "userPassword: secret"));
        compare = new CompareOperation(fixture.context);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void trueUnderTheEqualityRuleFalseOtherwise() {
        assertTrue(compare(Identity.anonymous(), "sn", "LIDDELL"));
        assertFalse(compare(Identity.anonymous(), "sn", "Carroll"));
    }

    @Test
    void subtypesAndOptions() {
        assertTrue(compare(Identity.anonymous(), "name", "liddell"), "sn is a subtype of name");
        assertTrue(compare(Identity.anonymous(), "cn", "alix"), "cn covers cn;lang-fr");
        assertFalse(compare(Identity.anonymous(), "cn;lang-fr", "Alice"));
    }

    @Test
    void anAttributeTheEntryLacks() {
        assertEquals(ResultCodeEnum.NO_SUCH_ATTRIBUTE, fails(Identity.anonymous(), "mail", "x").resultCode());
    }

    @Test
    void aTypeTheSchemaLacks() {
        assertEquals(ResultCodeEnum.UNDEFINED_ATTRIBUTE_TYPE, fails(Identity.anonymous(), "x-shoe-size", "9").resultCode());
    }

    @Test
    void passwordsOnlyForTheRootDn() {
        assertEquals(ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS,
                fails(Identity.anonymous(), "userPassword", "secret").resultCode());
        assertTrue(compare(fixture.root, "userPassword", "secret"));
    }

    @Test
    void aMissingEntry() {
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> compare.run(
                Identity.anonymous(), fixture.dn("cn=Nobody,ou=people,dc=example,dc=com"), "cn", utf8("x"),
                UpdateControls.NONE));
        assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, error.resultCode());
        assertEquals(fixture.dn("ou=people,dc=example,dc=com"), error.matchedDn());
    }

    private boolean compare(Identity who, String attribute, String value) {
        return compare.run(who, fixture.dn(ALICE), attribute, utf8(value), UpdateControls.NONE);
    }

    private LdapOperationException fails(Identity who, String attribute, String value) {
        return assertThrows(LdapOperationException.class, () -> compare(who, attribute, value));
    }
}
