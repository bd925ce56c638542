package org.larch.backend.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/**
 * The suffix entry created when a directory is first opened, shaped by its RDN's type as slapd users
 * write it by hand: {@code dc} → top, dcObject, organization with {@code o} = the dc value;
 * {@code o} → top, organization; {@code ou} → top, organizationalUnit; {@code c} → top, country;
 * {@code l} → top, locality; any other type → top, extensibleObject. Operational attributes are
 * added by the add operation that stores it.
 */
public final class SuffixEntry {

    private SuffixEntry() {}

    public static DirectoryEntry build(Dn suffix, DirectorySchema schema) {
        Rdn rdn = suffix.getRdn();
        String type = rdn.getType().toLowerCase(Locale.ROOT);
        String value = rdn.getValue();
        List<EntryAttribute> attributes = new ArrayList<>();
        switch (type) {
            case "dc", "domaincomponent", "0.9.2342.19200300.100.1.25" -> {
                add(attributes, schema, "objectClass", "top", "dcObject", "organization");
                add(attributes, schema, "dc", value);
                add(attributes, schema, "o", value);
            }
            case "o", "organizationname", "2.5.4.10" -> {
                add(attributes, schema, "objectClass", "top", "organization");
                add(attributes, schema, "o", value);
            }
            case "ou", "organizationalunitname", "2.5.4.11" -> {
                add(attributes, schema, "objectClass", "top", "organizationalUnit");
                add(attributes, schema, "ou", value);
            }
            case "c", "countryname", "2.5.4.6" -> {
                add(attributes, schema, "objectClass", "top", "country");
                add(attributes, schema, "c", value);
            }
            case "l", "localityname", "2.5.4.7" -> {
                add(attributes, schema, "objectClass", "top", "locality");
                add(attributes, schema, "l", value);
            }
            default -> {
                add(attributes, schema, "objectClass", "top", "extensibleObject");
                add(attributes, schema, rdn.getType(), value);
            }
        }
        return new DirectoryEntry(suffix, 0, attributes);
    }

    private static void add(List<EntryAttribute> attributes, DirectorySchema schema, String name, String... values) {
        List<byte[]> bytes = new ArrayList<>();
        for (String value : values) {
            bytes.add(value.getBytes(StandardCharsets.UTF_8));
        }
        attributes.add(new EntryAttribute(AttributeDescription.parse(name), schema.attributeType(name), bytes));
    }
}
