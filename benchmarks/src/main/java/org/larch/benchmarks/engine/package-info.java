/**
 * The JMH benchmarks of the engine suite and their states. Every benchmark takes the store as its
 * {@code store} parameter; the methods return what they read, so that tests can call them directly
 * and check it.
 */
package org.larch.benchmarks.engine;
