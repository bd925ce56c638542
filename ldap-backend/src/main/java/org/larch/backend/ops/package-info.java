/**
 * The LDAP operations other than search, one class each, built from named steps over an
 * {@link org.larch.backend.ops.OperationContext}: {@link org.larch.backend.ops.AddOperation},
 * {@link org.larch.backend.ops.DeleteOperation}, {@link org.larch.backend.ops.ModifyOperation},
 * {@link org.larch.backend.ops.ModifyDnOperation}, {@link org.larch.backend.ops.CompareOperation},
 * {@link org.larch.backend.ops.BindOperation} and {@link org.larch.backend.ops.PasswordModifyOperation}.
 *
 * <p>Each update is one write transaction ({@code UpdateTransaction}): the entry, dn2id, uuid2id, the
 * attribute indexes, the operational attributes and the suffix's contextCSN change together or not at
 * all. The pure parts, applying a modification list ({@link org.larch.backend.ops.ModificationApplier})
 * and a new RDN ({@link org.larch.backend.ops.RdnChange}) to a copy of an entry, are tested alone.
 */
package org.larch.backend.ops;
