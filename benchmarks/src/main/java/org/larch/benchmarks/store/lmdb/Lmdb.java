package org.larch.benchmarks.store.lmdb;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.larch.benchmarks.store.Durability;
import org.larch.benchmarks.store.StoreKind;
import org.lmdbjava.ByteBufferProxy;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;

/**
 * How the LMDB stores open their environment: lmdbjava's Unsafe-based buffer proxy, a generous map,
 * {@code MDB_NOTLS} (read transactions belong to the reader object, not to a thread), and
 * {@code MDB_NOSYNC} for {@link Durability#NO_SYNC}. With neither NOSYNC nor NOMETASYNC, LMDB's commit
 * calls fdatasync on the data, then writes the meta page through a descriptor opened with O_DSYNC.
 */
final class Lmdb {
    private Lmdb() {
    }

    static Env<ByteBuffer> open(Path directory, Durability durability) {
        List<EnvFlags> flags = new ArrayList<>(List.of(EnvFlags.MDB_NOTLS));
        if (durability == Durability.NO_SYNC) {
            flags.add(EnvFlags.MDB_NOSYNC);
        }
        return Env.create(ByteBufferProxy.PROXY_OPTIMAL)
                .setMapSize(StoreKind.MAX_SIZE_BYTES)
                .setMaxDbs(4)
                .setMaxReaders(126)
                .open(directory.toFile(), flags.toArray(EnvFlags[]::new));
    }

    /** A direct buffer holding a copy of {@code bytes}, positioned to be read whole. */
    static ByteBuffer fill(ByteBuffer target, byte[] bytes) {
        target.clear();
        target.put(0, bytes);
        target.limit(bytes.length);
        return target;
    }
}
