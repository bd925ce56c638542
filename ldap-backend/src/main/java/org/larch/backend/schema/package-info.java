/**
 * The directory's schema: {@link org.larch.backend.schema.DirectorySchema} (the LDAP API's schema
 * manager with the bundled schemas, {@code larch-operational.schema} and the user's {@code include}d
 * OpenLDAP {@code .schema} files, read by {@link org.larch.backend.schema.SchemaFileLoader}), schema
 * checking of entries as slapd does it ({@link org.larch.backend.schema.SchemaChecker},
 * {@link org.larch.backend.schema.ObjectClassRules}, {@link org.larch.backend.schema.RdnValues}), and
 * the two entries the server generates: the subschema subentry
 * ({@link org.larch.backend.schema.SubschemaEntry}) and the root DSE
 * ({@link org.larch.backend.schema.RootDse}).
 */
package org.larch.backend.schema;
