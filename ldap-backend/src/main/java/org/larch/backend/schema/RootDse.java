package org.larch.backend.schema;

import java.util.List;
import org.larch.backend.DirectorySettings;
import org.larch.backend.entry.DirectoryEntry;

/**
 * The root DSE (RFC 4512 section 5.1), the entry with the empty DN that clients read first: the
 * naming context, where the schema is, the LDAP version, and the controls, extended operations, SASL
 * mechanisms and features the server supports. Its attributes are DSA-operational: a search returns
 * them when asked for by name or with {@code +}.
 */
public final class RootDse {
    /** Everything the server knows how to answer, as slapd advertises it. */
    static final List<String> SUPPORTED_FEATURES = List.of(
            "1.3.6.1.1.14", // Modify-Increment (RFC 4525)
            "1.3.6.1.4.1.4203.1.5.1", // all operational attributes: "+" (RFC 3673)
            "1.3.6.1.4.1.4203.1.5.3", // absolute true (&) and false (|) filters (RFC 4526)
            "1.3.6.1.4.1.4203.1.5.4"); // language tag options (RFC 3866)
    static final String VENDOR_NAME = "Larch";

    private RootDse() {}

    public static DirectoryEntry build(DirectorySettings settings, DirectorySchema schema) {
        return new EntryBuilder(schema, "")
                .add("objectClass", "top")
                .add("namingContexts", present(settings.suffix()))
                .add("subschemaSubentry", SubschemaEntry.DN)
                .add("supportedLDAPVersion", "3")
                .add("supportedControl", orEmpty(settings.supportedControls()))
                .add("supportedExtension", orEmpty(settings.supportedExtensions()))
                .add("supportedFeatures", SUPPORTED_FEATURES)
                .add("supportedSASLMechanisms", orEmpty(settings.supportedSaslMechanisms()))
                .add("vendorName", VENDOR_NAME)
                .add("vendorVersion", present(settings.vendorVersion()))
                .build();
    }

    private static List<String> present(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
