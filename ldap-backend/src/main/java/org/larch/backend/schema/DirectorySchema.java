package org.larch.backend.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.MatchingRule;
import org.apache.directory.api.ldap.model.schema.ObjectClass;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.api.ldap.model.schema.UsageEnum;
import org.apache.directory.api.ldap.model.schema.registries.DefaultSchema;
import org.apache.directory.api.ldap.model.schema.registries.Schema;
import org.apache.directory.api.ldap.schema.manager.impl.DefaultSchemaManager;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/**
 * The directory's schema: the Apache Directory LDAP API's schema manager with its bundled system,
 * core, cosine, inetOrgPerson and nis schemas (and the API's small extras: apache, java, collective,
 * pwdpolicy, other), Larch's operational attribute types ({@code larch-operational.schema}), and the
 * user's OpenLDAP {@code .schema} files. The API's ApacheDS server-configuration schemas (adsconfig,
 * apachemeta, krb5kdc) are disabled: they describe ApacheDS, not a directory. As in slapd (which
 * defines them itself), {@code uidNumber} and {@code gidNumber} carry {@code integerOrderingMatch},
 * which RFC 2307's definitions bundled here lack: without it {@code >=} and {@code <=} on them would
 * be Undefined (RFC 4511 section 4.5.1.7.3).
 */
public final class DirectorySchema {
    /** The schema holding Larch's own definitions. */
    static final String LARCH_SCHEMA = "larch";
    /** The schema holding the definitions of {@code include}d files. */
    static final String USER_SCHEMA = "user";
    private static final String OPERATIONAL_RESOURCE = "larch-operational.schema";
    private static final String[] APACHE_SERVER_SCHEMAS = {"adsconfig", "apachemeta", "krb5kdc"};
    private static final String[] ORDERED_AS_IN_SLAPD = {"uidNumber", "gidNumber"};
    private static final String INTEGER_ORDERING_MATCH = "integerOrderingMatch";

    private final SchemaManager schemaManager;
    private final SchemaChecker checker;
    private final Instant loadedAt;

    private DirectorySchema(SchemaManager schemaManager, Instant loadedAt) {
        this.schemaManager = schemaManager;
        this.checker = new SchemaChecker(this);
        this.loadedAt = loadedAt;
    }

    /**
     * The bundled schemas plus {@code schemaFiles} (OpenLDAP {@code .schema} format), in order.
     *
     * @throws SchemaLoadException naming the file, line and reason when a file cannot be read or parsed,
     *     or a definition refers to something undefined or clashes with an existing name
     */
    public static DirectorySchema load(List<Path> schemaFiles) {
        SchemaManager manager = bundledSchemas();
        new SchemaFileLoader(manager, LARCH_SCHEMA).load(OPERATIONAL_RESOURCE, operationalSchemaText());
        SchemaFileLoader userLoader = new SchemaFileLoader(manager, USER_SCHEMA);
        for (Path file : schemaFiles) {
            userLoader.load(file.toString(), readSchemaFile(file));
        }
        return new DirectorySchema(manager, Instant.now());
    }

    private static SchemaManager bundledSchemas() {
        try {
            DefaultSchemaManager manager = new DefaultSchemaManager();
            manager.enable("nis");
            manager.disable(APACHE_SERVER_SCHEMAS);
            orderAsSlapdDoes(manager);
            addEmptySchema(manager, LARCH_SCHEMA);
            addEmptySchema(manager, USER_SCHEMA);
            return manager;
        } catch (LdapException e) {
            throw new SchemaLoadException("cannot load the bundled schemas: " + e.getMessage(), e);
        }
    }

    private static void orderAsSlapdDoes(SchemaManager manager) throws LdapException {
        MatchingRule ordering = manager.lookupMatchingRuleRegistry(INTEGER_ORDERING_MATCH);
        for (String name : ORDERED_AS_IN_SLAPD) {
            AttributeType type = manager.lookupAttributeTypeRegistry(name);
            if (type.getOrdering() == null) {
                type.unlock();
                type.setOrderingOid(ordering.getOid());
                type.setOrdering(ordering);
                type.lock();
            }
        }
    }

    private static void addEmptySchema(DefaultSchemaManager manager, String name) throws LdapException {
        Schema schema = new DefaultSchema(manager.getLoadedSchema("core").getSchemaLoader(), name,
                "cn=larch", new String[] {"system", "core", "cosine", "inetorgperson", "nis"});
        if (!manager.load(schema)) {
            throw new SchemaLoadException("cannot create schema " + name + ": " + manager.getErrors());
        }
    }

    private static String operationalSchemaText() {
        try (InputStream in = DirectorySchema.class.getResourceAsStream(OPERATIONAL_RESOURCE)) {
            if (in == null) {
                throw new SchemaLoadException("resource " + OPERATIONAL_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SchemaLoadException("cannot read resource " + OPERATIONAL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static String readSchemaFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SchemaLoadException(file + ": cannot read the schema file: " + e.getMessage(), e);
        }
    }

    public SchemaManager schemaManager() {
        return schemaManager;
    }

    /** When the schema was loaded: the subschema subentry's createTimestamp and modifyTimestamp. */
    public Instant loadedAt() {
        return loadedAt;
    }

    /** The attribute type named {@code nameOrOid} (case-insensitive), or null if the schema has none. */
    public AttributeType attributeType(String nameOrOid) {
        return schemaManager.getAttributeType(nameOrOid);
    }

    /** The attribute type, or UNDEFINED_ATTRIBUTE_TYPE naming it. */
    public AttributeType requireAttributeType(String nameOrOid) {
        AttributeType type = attributeType(nameOrOid);
        if (type == null) {
            throw new LdapOperationException(ResultCodeEnum.UNDEFINED_ATTRIBUTE_TYPE,
                    "attribute type " + nameOrOid + " is not defined in the schema");
        }
        return type;
    }

    /** The attribute's schema type: the one the entry resolved, else its description's; null if undefined. */
    public AttributeType typeOf(EntryAttribute attribute) {
        return attribute.type() != null ? attribute.type() : attributeType(attribute.description().type());
    }

    /** The object class named {@code nameOrOid} (case-insensitive), or null if the schema has none. */
    public ObjectClass objectClass(String nameOrOid) {
        try {
            return schemaManager.lookupObjectClassRegistry(nameOrOid.trim());
        } catch (LdapException e) {
            return null;
        }
    }

    /**
     * Checks {@code entry} against the schema (RFC 4512 and slapd's rules; see {@link SchemaChecker})
     * and returns the name of its structural object class.
     *
     * @throws LdapOperationException with the result code slapd uses for the first violation found
     */
    public String check(DirectoryEntry entry) {
        return checker.check(entry);
    }

    /**
     * Adds the values of the entry's RDN that its attributes lack, as slapd does on add (RFC 4511
     * leaves it to the server); {@link #check} refuses an entry that still lacks one (notAllowedOnRdn).
     */
    public void addMissingRdnValues(DirectoryEntry entry) {
        checker.addMissingRdnValues(entry);
    }

    /** Operational: any USAGE other than userApplications (not subject to MUST/MAY, not in {@code *}). */
    public static boolean isOperational(AttributeType type) {
        return type.getUsage() != UsageEnum.USER_APPLICATIONS;
    }

    /** SINGLE-VALUE. */
    public static boolean isSingleValued(AttributeType type) {
        return type.isSingleValued();
    }

    /** Not marked NO-USER-MODIFICATION: clients may write it. */
    public static boolean isUserModifiable(AttributeType type) {
        return type.isUserModifiable();
    }

    /**
     * Whether {@code objectClass} is {@code superClassNameOrOid} or inherits from it (through SUP, at
     * any depth), so that {@code (objectClass=person)} matches an inetOrgPerson entry as in slapd.
     * False when either class is unknown.
     */
    public boolean isSubclassOf(String objectClass, String superClassNameOrOid) {
        ObjectClass subclass = objectClass(objectClass);
        ObjectClass superclass = objectClass(superClassNameOrOid);
        return subclass != null && superclass != null && inherits(subclass, superclass.getOid());
    }

    static boolean inherits(ObjectClass objectClass, String superclassOid) {
        if (objectClass.getOid().equals(superclassOid)) {
            return true;
        }
        for (ObjectClass superior : objectClass.getSuperiors()) {
            if (inherits(superior, superclassOid)) {
                return true;
            }
        }
        return false;
    }
}
