package org.larch.backend.operational;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.schema.DirectorySchema;

class NoUserModificationTest {
    private static final UpdateControls MANAGE_DSA_IT = new UpdateControls(null, null, null, true, false);
    private static DirectorySchema schema;
    private static Identity root;
    private static Identity user;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = DirectorySchema.load(List.of());
        root = new Identity(new Dn("cn=admin,dc=example,dc=com"), true);
        user = new Identity(new Dn("cn=user,dc=example,dc=com"), false);
    }

    @Test
    void everyOperationalAttributeWeWriteIsNoUserModification() {
        for (String name : List.of("entryUUID", "entryCSN", "createTimestamp", "modifyTimestamp",
                "creatorsName", "modifiersName", "structuralObjectClass")) {
            LdapOperationException error = assertThrows(LdapOperationException.class,
                    () -> NoUserModification.check(schema.attributeType(name), name, root, UpdateControls.NONE),
                    name);
            assertEquals(ResultCodeEnum.CONSTRAINT_VIOLATION, error.resultCode());
            assertEquals(name + ": no user modification allowed", error.getMessage());
        }
    }

    @Test
    void userAttributesAndUnknownTypesPass() {
        assertDoesNotThrow(() -> NoUserModification.check(schema.attributeType("cn"), "cn", user, UpdateControls.NONE));
        assertDoesNotThrow(() -> NoUserModification.check(null, "x-unknown", user, UpdateControls.NONE));
    }

    @Test
    void rootWithManageDsaItMaySeed() {
        assertDoesNotThrow(() -> NoUserModification.check(
                schema.attributeType("entryUUID"), "entryUUID", root, MANAGE_DSA_IT));
    }

    @Test
    void othersMayNotSeedEvenWithManageDsaIt() {
        assertThrows(LdapOperationException.class, () -> NoUserModification.check(
                schema.attributeType("entryUUID"), "entryUUID", user, MANAGE_DSA_IT));
    }

    @Test
    void addNamesTheAttributeAsTheClientWroteIt() throws Exception {
        DirectoryEntry entry = new DirectoryEntry(new Dn("cn=x,dc=example,dc=com"));
        entry.attributes().add(new EntryAttribute(AttributeDescription.parse("cn"), schema.attributeType("cn"),
                List.of("x".getBytes(StandardCharsets.UTF_8))));
        entry.attributes().add(new EntryAttribute(AttributeDescription.parse("ENTRYCSN"),
                schema.attributeType("entryCSN"), List.of("x".getBytes(StandardCharsets.UTF_8))));
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> NoUserModification.checkAdd(entry, user, UpdateControls.NONE));
        assertEquals("ENTRYCSN: no user modification allowed", error.getMessage());
    }
}
