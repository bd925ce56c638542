package org.larch.storage;

import java.util.EnumSet;
import java.util.Set;

/**
 * How to open an environment. Immutable; each {@code with…} returns a changed copy.
 *
 * @param maxSizeBytes   ceiling of the data file ({@code maxsize}); the file grows to it only as needed.
 *                       0 keeps what the environment recorded (or the default for a new one).
 * @param maxDbs         how many named databases may be open at once
 * @param maxReaders     slots in the reader table: concurrent read transactions
 * @param pageSize       bytes per page for a new environment (a power of two, 512 to 32768)
 * @param growStepBytes  how much the file grows at a time; 0 chooses: the file's size, from 1 MiB
 *                       up to steps of 1 GiB
 * @param flags          {@link EnvFlag}s
 */
public record EnvConfig(long maxSizeBytes, int maxDbs, int maxReaders, int pageSize, long growStepBytes,
        Set<EnvFlag> flags) {
    /** A generous default ceiling: the file only grows as data needs it. */
    public static final long DEFAULT_MAX_SIZE_BYTES = 64L << 30;

    public EnvConfig {
        flags = flags.isEmpty() ? EnumSet.noneOf(EnvFlag.class) : EnumSet.copyOf(flags);
        if (Integer.bitCount(pageSize) != 1 || pageSize < 512 || pageSize > 32768) {
            throw new IllegalArgumentException("page size must be a power of two from 512 to 32768: " + pageSize);
        }
        if (maxReaders < 1 || maxDbs < 0 || maxSizeBytes < 0 || growStepBytes < 0) {
            throw new IllegalArgumentException("negative or zero limits in " + this);
        }
    }

    public static EnvConfig defaults() {
        return new EnvConfig(0, 128, 126, 4096, 0, Set.of());
    }

    public EnvConfig withMaxSizeBytes(long bytes) {
        return new EnvConfig(bytes, maxDbs, maxReaders, pageSize, growStepBytes, flags);
    }

    public EnvConfig withMaxDbs(int count) {
        return new EnvConfig(maxSizeBytes, count, maxReaders, pageSize, growStepBytes, flags);
    }

    public EnvConfig withMaxReaders(int count) {
        return new EnvConfig(maxSizeBytes, maxDbs, count, pageSize, growStepBytes, flags);
    }

    public EnvConfig withPageSize(int bytes) {
        return new EnvConfig(maxSizeBytes, maxDbs, maxReaders, bytes, growStepBytes, flags);
    }

    public EnvConfig withGrowStepBytes(long bytes) {
        return new EnvConfig(maxSizeBytes, maxDbs, maxReaders, pageSize, bytes, flags);
    }

    public EnvConfig withFlags(EnvFlag... added) {
        EnumSet<EnvFlag> all = flags.isEmpty() ? EnumSet.noneOf(EnvFlag.class) : EnumSet.copyOf(flags);
        all.addAll(Set.of(added));
        return new EnvConfig(maxSizeBytes, maxDbs, maxReaders, pageSize, growStepBytes, all);
    }

    public boolean has(EnvFlag flag) {
        return flags.contains(flag);
    }
}
