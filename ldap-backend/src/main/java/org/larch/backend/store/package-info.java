/**
 * The directory's storage on the engine: one environment, five named databases.
 *
 * <pre>
 * database  | key                              | value                                   | class
 * ----------+----------------------------------+-----------------------------------------+------------------
 * id2entry  | entry id (8 bytes, big-endian)   | attributes in stored order, no DN       | EntryRecord
 * dn2id     | parent id, or the entry's own id | DUPSORT: one child record per child;    | ChildRecord,
 *           | (0 = parent of the suffix)       | under its own id a self record          | SelfRecord
 * ad2id     | description text / id            | id / description text                   | AttributeDictionary
 * uuid2id   | entryUUID (16 bytes)             | entry id                                | EntryUuids
 * meta      | "format", "nextId", "suffix"     | format version, next id, suffix         | StoreMeta
 * </pre>
 *
 * A DN is found by walking child records from the suffix down (one {@code seekBothRange} per RDN);
 * an entry's DN is built by walking self records up. A subtree rename rewrites the moved entry's two
 * records and its ancestors' subtree sizes, nothing below it. {@link org.larch.backend.store.StoreReader}
 * reads in one transaction, {@link org.larch.backend.store.StoreWriter} changes in the one write
 * transaction; the attribute indexes live in the same environment and are kept by
 * {@code org.larch.backend.index.Indexes}.
 */
package org.larch.backend.store;
