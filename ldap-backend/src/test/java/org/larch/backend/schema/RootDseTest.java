package org.larch.backend.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.schema.UsageEnum;
import org.junit.jupiter.api.Test;
import org.larch.backend.DirectorySettings;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

class RootDseTest {
    private static final String PAGED_RESULTS = "1.2.840.113556.1.4.319";
    private static final String WHO_AM_I = "1.3.6.1.4.1.4203.1.11.3";

    private static DirectorySettings settings(List<String> saslMechanisms) {
        return new DirectorySettings(Path.of("data"), 1L << 30, "dc=example,dc=com",
                "cn=admin,dc=example,dc=com", "secret", List.of(), 0, 0, 10_000, List.of(), 1,
                List.of(PAGED_RESULTS), List.of(WHO_AM_I), saslMechanisms, "0.1.0");
    }

    @Test
    void advertisesTheSuffixSchemaVersionAndWhatTheServerSupports() {
        DirectoryEntry dse = RootDse.build(settings(List.of("EXTERNAL")), SharedSchema.get());

        assertTrue(dse.dn().isEmpty());
        assertEquals(List.of("top"), TestEntries.values(dse, "objectClass"));
        assertEquals(List.of("dc=example,dc=com"), TestEntries.values(dse, "namingContexts"));
        assertEquals(List.of("cn=Subschema"), TestEntries.values(dse, "subschemaSubentry"));
        assertEquals(List.of("3"), TestEntries.values(dse, "supportedLDAPVersion"));
        assertEquals(List.of(PAGED_RESULTS), TestEntries.values(dse, "supportedControl"));
        assertEquals(List.of(WHO_AM_I), TestEntries.values(dse, "supportedExtension"));
        assertEquals(List.of("EXTERNAL"), TestEntries.values(dse, "supportedSASLMechanisms"));
        assertEquals(List.of("Larch"), TestEntries.values(dse, "vendorName"));
        assertEquals(List.of("0.1.0"), TestEntries.values(dse, "vendorVersion"));
        assertEquals(List.of("1.3.6.1.1.14", "1.3.6.1.4.1.4203.1.5.1", "1.3.6.1.4.1.4203.1.5.3",
                "1.3.6.1.4.1.4203.1.5.4"), TestEntries.values(dse, "supportedFeatures"));
    }

    @Test
    void everyAttributeResolvesItsTypeThroughTheSchema() {
        DirectoryEntry dse = RootDse.build(settings(List.of()), SharedSchema.get());
        for (EntryAttribute attribute : dse.attributes()) {
            assertEquals(SharedSchema.get().attributeType(attribute.description().type()), attribute.type(),
                    attribute.description().text());
        }
        assertEquals(UsageEnum.DSA_OPERATION, dse.get("namingContexts").type().getUsage());
        assertEquals(UsageEnum.DIRECTORY_OPERATION, dse.get("subschemaSubentry").type().getUsage());
    }

    @Test
    void noSaslMechanismsMeansNoAttribute() {
        DirectoryEntry dse = RootDse.build(settings(List.of()), SharedSchema.get());
        assertNull(dse.get("supportedSASLMechanisms"));
    }

    @Test
    void unboundIdReadsItAsARootDse() {
        DirectoryEntry dse = RootDse.build(settings(List.of("EXTERNAL")), SharedSchema.get());
        com.unboundid.ldap.sdk.RootDSE parsed = new com.unboundid.ldap.sdk.RootDSE(UnboundIdEntries.toUnboundId(dse));
        assertTrue(parsed.supportsControl(PAGED_RESULTS));
        assertTrue(parsed.supportsExtendedOperation(WHO_AM_I));
        assertTrue(parsed.supportsFeature("1.3.6.1.4.1.4203.1.5.1"));
        assertTrue(parsed.supportsSASLMechanism("EXTERNAL"));
        assertEquals("Larch", parsed.getVendorName());
        assertEquals(List.of("dc=example,dc=com"), List.of(parsed.getNamingContextDNs()));
        assertEquals(3, parsed.getSupportedLDAPVersions()[0]);
    }
}
