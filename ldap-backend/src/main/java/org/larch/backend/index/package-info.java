/**
 * Attribute indexes: one DUPSORT + DUPFIXED sub-database per indexed attribute, keys from the
 * matching rules ({@link org.larch.backend.index.IndexKey}), entry ids as values, and the candidate
 * id sets ({@link org.larch.backend.index.IdSet}) a search draws from them
 * ({@link org.larch.backend.index.Indexes#candidates}).
 */
package org.larch.backend.index;
