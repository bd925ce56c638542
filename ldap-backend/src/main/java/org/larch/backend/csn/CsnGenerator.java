package org.larch.backend.csn;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Hands out this server's CSNs, strictly increasing. Within one microsecond, and while the clock stands
 * still or goes back, the time of the last CSN is kept and the count rises; when the count is used up
 * the time moves on by one microsecond. So a clock stepped back by NTP never produces a CSN older than
 * one already written, which replication would treat as stale.
 */
public final class CsnGenerator {
    private final int serverId;
    private final Clock clock;
    private Csn last;

    /** A generator on the system clock. */
    public CsnGenerator(int serverId) {
        this(serverId, Clock.systemUTC());
    }

    public CsnGenerator(int serverId, Clock clock) {
        if (serverId < 0 || serverId > Csn.MAX_SERVER_ID) {
            throw new IllegalArgumentException("serverID " + serverId + " outside 0..4095");
        }
        this.serverId = serverId;
        this.clock = clock;
    }

    public int serverId() {
        return serverId;
    }

    /** A CSN greater than every CSN this generator returned before. */
    public synchronized Csn next() {
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        if (last == null || nowMicros > last.epochMicros()) {
            last = new Csn(nowMicros, 0, serverId, 0);
        } else if (last.count() < Csn.MAX_COUNT) {
            last = new Csn(last.epochMicros(), last.count() + 1, serverId, 0);
        } else {
            last = new Csn(last.epochMicros() + 1, 0, serverId, 0);
        }
        return last;
    }

    /**
     * Makes later CSNs greater than {@code seen} (the contextCSN found at open, or a CSN received from
     * another server), so a restart on a clock that went back continues after what is stored.
     */
    public synchronized void observe(Csn seen) {
        if (last == null || seen.epochMicros() > last.epochMicros()
                || (seen.epochMicros() == last.epochMicros() && seen.count() > last.count())) {
            last = new Csn(seen.epochMicros(), seen.count(), serverId, 0);
        }
    }
}
