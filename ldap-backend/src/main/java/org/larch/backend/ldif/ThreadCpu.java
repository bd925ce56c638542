package org.larch.backend.ldif;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU seconds of an import's two threads, their waits for each other and the collector's time, printed to stderr when the system
 * property {@code larch.import.cpu} is set ({@code LARCH_JAVA_OPTS=-Dlarch.import.cpu=true}): a
 * measurement that depends little on what else the machine runs, for comparing import changes.
 */
final class ThreadCpu {
    static final String PROPERTY = "larch.import.cpu";

    private ThreadCpu() {}

    /** The calling thread's CPU time in nanoseconds, or -1 when the JVM does not measure it. */
    static long currentNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /**
     * Prints the reader's and this (the writing) thread's CPU time, how long each waited for the other,
     * and the GC time, if asked to.
     */
    static void reportIfAsked(RecordPipeline pipeline) {
        if (System.getProperty(PROPERTY) == null) {
            return;
        }
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        System.err.printf("larch import: CPU reader %.2f s, writer %.2f s; waited: reader %.2f s, writer %.2f s;"
                + " GC %.2f s%n", pipeline.readerCpuNanos() / 1e9, currentNanos() / 1e9,
                pipeline.readerWaitNanos() / 1e9, pipeline.writerWaitNanos() / 1e9, gcMillis / 1e3);
    }
}
