package org.larch.benchmarks.engine;

import org.larch.benchmarks.store.Durability;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A {@link LoadedStore} whose every commit is durable (synced to the disk before it returns). */
@State(Scope.Benchmark)
public class DurableStore extends LoadedStore {
    @Override
    protected Durability durability() {
        return Durability.SYNC;
    }
}
