/**
 * Benchmarks of Larch against its peers, reported as ratios measured in the same run.
 *
 * <p>The engine suite: JMH benchmarks ({@link org.larch.benchmarks.engine}) run the same workloads
 * through one small interface per kind of work ({@link org.larch.benchmarks.store.KvStore},
 * {@link org.larch.benchmarks.store.DupStore}) over Larch, LMDB (lmdbjava) and H2's MVStore, on
 * deterministic data ({@link org.larch.benchmarks.data}); {@link org.larch.benchmarks.report.Report}
 * turns JMH's JSON into the table {@code ./run-benchmarks} prints. The wire-level load runs (search,
 * bind and modify rates beside OpenLDAP slapd) will live here too.
 */
package org.larch.benchmarks;
