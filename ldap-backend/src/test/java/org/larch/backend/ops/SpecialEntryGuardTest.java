package org.larch.backend.ops;

import static org.apache.directory.api.ldap.model.entry.ModificationOperation.REPLACE_ATTRIBUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.larch.backend.ops.TestEntries.modification;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.LdapOperationException;
import org.larch.backend.request.UpdateControls;

class SpecialEntryGuardTest {
    @TempDir
    Path directory;
    private DirectoryFixture fixture;

    @BeforeEach
    void open() {
        fixture = DirectoryFixture.populated(directory);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void addingTheRootDseOrTheSubschemaSubentry() {
        LdapOperationException rootDse = assertThrows(LdapOperationException.class,
                () -> fixture.addAsRoot(fixture.entries.entry("", "objectClass: top")));
        assertEquals(ResultCodeEnum.ENTRY_ALREADY_EXISTS, rootDse.resultCode());
        LdapOperationException subschema = assertThrows(LdapOperationException.class, () -> fixture.addAsRoot(
                fixture.entries.entry("CN=SUBSCHEMA", "objectClass: subschema", "cn: Subschema")));
        assertEquals(ResultCodeEnum.ENTRY_ALREADY_EXISTS, subschema.resultCode());
        assertEquals("subschema subentry already exists", subschema.getMessage());
    }

    @Test
    void changingThem() throws Exception {
        Rdn newRdn = new Rdn("cn=x");
        for (Dn dn : List.of(Dn.EMPTY_DN, fixture.dn("cn=Subschema"))) {
            assertUnwilling(() -> new ModifyOperation(fixture.context).run(fixture.root, dn,
                    List.of(modification(REPLACE_ATTRIBUTE, "description", "x")), UpdateControls.NONE));
            assertUnwilling(() -> new DeleteOperation(fixture.context).run(fixture.root, dn, UpdateControls.NONE));
            assertUnwilling(() -> new ModifyDnOperation(fixture.context).run(fixture.root, dn, newRdn, true,
                    null, UpdateControls.NONE));
        }
    }

    private static void assertUnwilling(Runnable operation) {
        LdapOperationException error = assertThrows(LdapOperationException.class, operation::run);
        assertEquals(ResultCodeEnum.UNWILLING_TO_PERFORM, error.resultCode(), error.getMessage());
    }
}
