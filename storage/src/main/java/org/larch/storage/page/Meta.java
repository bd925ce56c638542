package org.larch.storage.page;

/**
 * The state a meta page records: which transaction committed last, where its trees are, how far the
 * file is used. Immutable; the descriptors are copies that must not be changed.
 *
 * @param pageSize       bytes per page
 * @param maxSizeBytes   the ceiling the file may grow to ({@code maxsize})
 * @param txnId          the transaction this meta page commits
 * @param lastPage       the highest page number in use
 * @param freeDb         descriptor of the free-page tree
 * @param mainDb         descriptor of the main tree (named databases and unnamed data)
 */
public record Meta(int pageSize, long maxSizeBytes, long txnId, long lastPage, DbRecord freeDb, DbRecord mainDb) {
}
