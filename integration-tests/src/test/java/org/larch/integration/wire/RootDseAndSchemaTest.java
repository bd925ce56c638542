package org.larch.integration.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchServerExtension;

/** The root DSE and the subschema subentry as clients read them (anonymously). */
class RootDseAndSchemaTest {
    @RegisterExtension
    static final LarchServerExtension LARCH = LarchServerExtension.withPeople(5);

    private static final String PAGED = "1.2.840.113556.1.4.319";
    private static final String SORT = "1.2.840.113556.1.4.473";
    private static final String MANAGE_DSA_IT = "2.16.840.1.113730.3.4.2";
    private static final String ASSERTION = "1.3.6.1.1.12";
    private static final String PRE_READ = "1.3.6.1.1.13.1";
    private static final String POST_READ = "1.3.6.1.1.13.2";
    private static final String VALUES_RETURN_FILTER = "1.2.826.0.1.3344810.2.3";
    private static final String SUBTREE_DELETE = "1.2.840.113556.1.4.805";
    private static final String WHO_AM_I = "1.3.6.1.4.1.4203.1.11.3";
    private static final String START_TLS = "1.3.6.1.4.1.1466.20037";
    private static final String PASSWORD_MODIFY = "1.3.6.1.4.1.4203.1.11.1";

    @Test
    void rootDseAnnouncesNamingContextSchemaVersionControlsAndExtensions() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            RootDSE root = connection.getRootDSE();
            assertNotNull(root, "the root DSE is readable anonymously");
            assertEquals(List.of(DirectoryDataGenerator.SUFFIX), List.of(root.getNamingContextDNs()));
            assertEquals("cn=Subschema", root.getSubschemaSubentryDN());
            assertTrue(List.of(root.getAttributeValues("supportedLDAPVersion")).contains("3"));
            for (String control : List.of(PAGED, SORT, MANAGE_DSA_IT, ASSERTION, PRE_READ, POST_READ, VALUES_RETURN_FILTER, SUBTREE_DELETE)) {
                assertTrue(root.supportsControl(control), "supportedControl " + control);
            }
            for (String extension : List.of(WHO_AM_I, START_TLS, PASSWORD_MODIFY)) {
                assertTrue(root.supportsExtendedOperation(extension), "supportedExtension " + extension);
            }
            assertNotNull(root.getVendorName());
            assertNotNull(root.getVendorVersion());
            assertTrue(root.hasAttribute("supportedFeatures"));
        }
    }

    @Test
    void rootDseAnswersABaseSearchAndIsNotPartOfTheNamingContext() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            SearchResultEntry plain = connection.getEntry("");
            assertNotNull(plain, "a base search of \"\" returns the root DSE");
            assertEquals(0, connection.search(DirectoryDataGenerator.SUFFIX, SearchScope.SUB, "(namingContexts=*)").getEntryCount());
        }
    }

    @Test
    void subschemaSubentryParsesAndKnowsTheTypesInUse() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            Schema schema = connection.getSchema();
            assertNotNull(schema, "getSchema() reads cn=Subschema through the root DSE");
            for (String name : List.of("cn", "sn", "uid", "mail", "telephoneNumber", "member", "uidNumber", "entryUUID", "entryCSN")) {
                AttributeTypeDefinition type = schema.getAttributeType(name);
                assertNotNull(type, "attribute type " + name);
            }
            ObjectClassDefinition person = schema.getObjectClass("inetOrgPerson");
            assertNotNull(person);
            assertEquals(List.of("organizationalperson"),
                    List.of(person.getSuperiorClasses()).stream().map(String::toLowerCase).toList());
            assertNotNull(schema.getObjectClass("posixAccount"));
            assertTrue(schema.getMatchingRules().size() > 10, "matchingRules");
            assertTrue(schema.getAttributeSyntaxes().size() > 10, "ldapSyntaxes");
            assertTrue(schema.getMatchingRuleUses().size() > 0, "matchingRuleUse");
        }
    }
}
