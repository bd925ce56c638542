package org.larch.storage.crash;

import java.util.Random;

/**
 * When the harness kills a writer: after its {@code acks}-th acknowledgement plus a delay (the next
 * transaction is being built or committed then: a full-sync commit here spends ~4 ms in each of its
 * two syncs), or, now and then, at a moment counted from its start (which may fall during start-up or
 * the open).
 */
record KillPlan(int acks, long delayMicros, long sinceStartMillis) {
    /** A plan for a normal run: mostly 0 to 4 ms after one of the first 24 acknowledgements. */
    static KillPlan random(Random random) {
        if (random.nextInt(100) < 12) {
            return new KillPlan(0, 0, random.nextInt(1_500));
        }
        int roll = random.nextInt(4);
        long delay = roll == 0 ? 0 : roll == 3 ? random.nextInt(12_000) : random.nextInt(4_000);
        return new KillPlan(1 + random.nextInt(24), delay, -1);
    }

    /** A plan for the broken control: soon after an early acknowledgement, within the commit that follows. */
    static KillPlan forControl(Random random) {
        return new KillPlan(1 + random.nextInt(4), random.nextInt(25_000), -1);
    }

    boolean byTime() {
        return sinceStartMillis >= 0;
    }

    @Override
    public String toString() {
        return byTime() ? "kill " + sinceStartMillis + " ms after start"
                : "kill " + delayMicros + " µs after ACK number " + acks;
    }
}
