package org.larch.backend.operational;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Makes the {@code entryUUID} of new entries: RFC 9562 version 7 UUIDs, time-ordered, as OpenLDAP's
 * time-based ones are. {@code uuid2id} is keyed by the UUID's 16 big-endian bytes, so entries added one
 * after another (an import above all) append at the right edge of that tree instead of landing on a
 * random page each. The UUID stays unique: 62 random bits per UUID besides the time and counter.
 *
 * <pre>
 * bits    | field   | meaning
 * --------+---------+-------------------------------------------------------------------------
 *  0..47  | unix_ms | milliseconds since 1970 (never below the previous UUID's)
 * 48..51  | version | 7
 * 52..63  | counter | 0 at a new millisecond, +1 per UUID within it; at 4096 the time moves on
 * 64..65  | variant | binary 10
 * 66..127 | random  | from a fast generator seeded once from SecureRandom
 * </pre>
 *
 * Within one generator each UUID's 16-byte form is greater than the one before, also when the clock
 * stands still or steps back. Thread-safe.
 */
public final class EntryUuidGenerator {
    private static final int COUNTER_BITS = 12;
    private static final long COUNTER_LIMIT = 1L << COUNTER_BITS;
    private static final long VERSION_7 = 7L << COUNTER_BITS;
    private static final long VARIANT_RFC = 1L << 63;
    private static final long RANDOM_MASK = (1L << 62) - 1;

    private final LongSupplier clockMillis;
    private final SplittableRandom random;
    private long lastMillis = -1;
    private long counter;

    /** A generator on the system clock. */
    public EntryUuidGenerator() {
        this(System::currentTimeMillis);
    }

    /** A generator on {@code clockMillis} (milliseconds since 1970), for tests. */
    EntryUuidGenerator(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.random = new SplittableRandom(new SecureRandom().nextLong());
    }

    /** The next UUID, greater than every one this generator made before. */
    public synchronized UUID next() {
        advance(clockMillis.getAsLong());
        long mostSignificant = (lastMillis << 16) | VERSION_7 | counter;
        long leastSignificant = VARIANT_RFC | (random.nextLong() & RANDOM_MASK);
        return new UUID(mostSignificant, leastSignificant);
    }

    /** Moves (time, counter) past the previous UUID's, taking the clock's time when it is later. */
    private void advance(long nowMillis) {
        if (nowMillis > lastMillis) {
            lastMillis = nowMillis;
            counter = 0;
        } else if (++counter == COUNTER_LIMIT) {
            lastMillis++;
            counter = 0;
        }
    }
}
