/** Reading JMH's JSON results and printing the comparison table. */
package org.larch.benchmarks.report;
