/**
 * The stores under test behind one interface per kind of work: {@link org.larch.benchmarks.store.KvStore}
 * (loads, puts, and through {@link org.larch.benchmarks.store.KvReader} gets and scans) and
 * {@link org.larch.benchmarks.store.DupStore} (an attribute index). {@link org.larch.benchmarks.store.StoreKind}
 * lists the implementations; a fourth store is one more constant there.
 */
package org.larch.benchmarks.store;
