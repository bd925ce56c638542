package org.larch.storage.crash;

import java.util.Random;

/**
 * When the harness kills a writer: after its {@code acks}-th acknowledgement plus a delay of 0 to a
 * few milliseconds (the next transaction is being built or committed then), or, now and then, at a
 * moment counted from its start (which may fall during start-up or the open).
 */
record KillPlan(int acks, long delayMicros, long sinceStartMillis) {
    static KillPlan random(Random random, boolean favourEarlyKills) {
        if (random.nextInt(100) < (favourEarlyKills ? 5 : 12)) {
            return new KillPlan(0, 0, random.nextInt(1_500));
        }
        int acks = 1 + random.nextInt(favourEarlyKills ? 4 : 24);
        long delay = random.nextInt(4) == 0 ? 0 : random.nextInt(4_000);
        return new KillPlan(acks, delay, -1);
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
