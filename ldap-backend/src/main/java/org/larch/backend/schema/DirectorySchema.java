package org.larch.backend.schema;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.api.ldap.schema.manager.impl.DefaultSchemaManager;
import org.larch.backend.LdapOperationException;

/**
 * The directory's schema: the Apache Directory LDAP API's schema manager with core, cosine,
 * inetOrgPerson and nis loaded, plus the user's OpenLDAP {@code .schema} files.
 */
public final class DirectorySchema {
    private final SchemaManager schemaManager;

    private DirectorySchema(SchemaManager schemaManager) {
        this.schemaManager = schemaManager;
    }

    /** The default schemas plus {@code schemaFiles} (OpenLDAP {@code .schema} format), in order. */
    public static DirectorySchema load(List<Path> schemaFiles) {
        try {
            DefaultSchemaManager manager = new DefaultSchemaManager();
            manager.enable("nis");
            if (!schemaFiles.isEmpty()) {
                throw new UnsupportedOperationException("include of .schema files: not yet");
            }
            return new DirectorySchema(manager);
        } catch (LdapException e) {
            throw new IllegalStateException("cannot load the default schemas: " + e.getMessage(), e);
        }
    }

    public SchemaManager schemaManager() {
        return schemaManager;
    }

    /** The attribute type named {@code nameOrOid} (case-insensitive), or null if the schema has none. */
    public AttributeType attributeType(String nameOrOid) {
        return schemaManager.getAttributeType(nameOrOid);
    }

    /** The attribute type, or UNDEFINED_ATTRIBUTE_TYPE naming it. */
    public AttributeType requireAttributeType(String nameOrOid) {
        AttributeType type = attributeType(nameOrOid);
        if (type == null) {
            throw new LdapOperationException(
                    org.apache.directory.api.ldap.model.message.ResultCodeEnum.UNDEFINED_ATTRIBUTE_TYPE,
                    "attribute type " + nameOrOid + " is not defined in the schema");
        }
        return type;
    }
}
