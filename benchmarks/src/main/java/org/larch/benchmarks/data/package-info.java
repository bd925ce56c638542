/** The benchmarks' data: deterministic keys, values and ids, the checksum that reads them, temporary directories. */
package org.larch.benchmarks.data;
