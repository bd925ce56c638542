/**
 * The search operation ({@link org.larch.backend.search.SearchOperation}): base resolution (aliases,
 * referrals, matched DN), candidate ids (index candidates intersected with the scope through dn2id,
 * {@code ScopeCandidates}), ordering for server-side sort and alias dereferencing, and delivery in
 * batches of {@code rtxnsize} entries read under one snapshot, released before the batch is handed
 * to the client ({@code ResultDelivery}). Entries are shaped for the client by {@code EntryShaper}:
 * computed operational attributes, attribute selection with access rules, values return filter,
 * typesOnly. The paged results cookie is {@code PagedCookie}.
 */
package org.larch.backend.search;
