package org.larch.benchmarks.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory for one store's files under the system property {@code larch.bench.dir} (default:
 * the JVM's temporary directory); {@link #close()} removes it with everything in it.
 */
public final class DataDirectory implements AutoCloseable {
    public static final String BASE_PROPERTY = "larch.bench.dir";

    private final Path path;

    private DataDirectory(Path path) {
        this.path = path;
    }

    public static DataDirectory create(String prefix) {
        try {
            Path base = Path.of(System.getProperty(BASE_PROPERTY, System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            return new DataDirectory(Files.createTempDirectory(base, prefix + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a benchmark data directory: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path + ": " + e.getMessage(), e);
        }
    }
}
