package org.larch.storage.txn;

import java.time.Instant;
import java.util.Optional;

/**
 * A process as the reader table records it: its pid and its start time, which tells a live process
 * apart from an earlier one whose pid the system has handed out again. A start time of 0 means
 * unknown (the platform does not report it); such a process is judged by its pid alone.
 */
public record ProcessIdentity(long pid, long startMillis) {
    private static final ProcessIdentity CURRENT = of(ProcessHandle.current());

    public static ProcessIdentity current() {
        return CURRENT;
    }

    /**
     * Whether the process that recorded {@code pid} and {@code startMillis} still runs: a process with
     * that pid exists and, where both start times are known, started at that time.
     */
    public static boolean isAlive(long pid, long startMillis) {
        if (pid == CURRENT.pid) {
            return startMillis == 0 || CURRENT.startMillis == 0 || startMillis == CURRENT.startMillis;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        long actualStart = startMillisOf(handle.get());
        return startMillis == 0 || actualStart == 0 || actualStart == startMillis;
    }

    private static ProcessIdentity of(ProcessHandle handle) {
        return new ProcessIdentity(handle.pid(), startMillisOf(handle));
    }

    private static long startMillisOf(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
