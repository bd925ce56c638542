/**
 * Benchmarks of Larch against its peers.
 *
 * <p>This module will own the JMH suites for the storage engine, run side by side with LMDB through
 * lmdbjava, and the wire-level load runs (search, bind and modify rates) run side by side with
 * OpenLDAP slapd. Results are reported as ratios measured in the same run.
 *
 * <p>Depends on {@code storage} and {@code server}.
 */
package org.larch.benchmarks;
