package org.larch.storage.io;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Test-only access to {@link DataFile}'s write hook: puts a {@link FileWrites} layer (a power-cut
 * journal, a full disk, a broken write order) between the data file at a path and its channel, for
 * every open of that file until the returned handle is closed. Lives in the test sources: production
 * code has no way to set the hook.
 */
public final class WriteLayers {
    private WriteLayers() {
    }

    /** Layers the writes of data file {@code dataFile} (its next opens) with {@code layer}. */
    public static Installed install(Path dataFile, UnaryOperator<FileWrites> layer) {
        Path key = dataFile.toAbsolutePath().normalize();
        if (DataFile.WRITE_LAYERS_FOR_TESTS.putIfAbsent(key, layer) != null) {
            throw new IllegalStateException("a write layer is already installed for " + key);
        }
        return () -> DataFile.WRITE_LAYERS_FOR_TESTS.remove(key);
    }

    /** Removes the layer again; files already open keep theirs. */
    public interface Installed extends AutoCloseable {
        @Override
        void close();
    }
}
