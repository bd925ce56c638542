package org.larch.backend.search;

import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.larch.storage.Txn;

/**
 * The attribute indexes as search uses them: the ids of every entry that may match {@code filter},
 * ascending, or null when the indexes cannot answer it (the scope's entries are then examined).
 * Production code adapts the index owner's {@code Indexes.candidates}.
 */
@FunctionalInterface
public interface IndexLookup {
    IndexLookup NONE = (txn, filter) -> null;

    long[] candidates(Txn txn, ExprNode filter);
}
