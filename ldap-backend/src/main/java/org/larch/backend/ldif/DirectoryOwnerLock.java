package org.larch.backend.ldif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive claim of a data directory by the one process that writes it: {@code larch serve} for
 * as long as it runs, {@code larch import} for the import. An exclusive file lock on
 * {@value #FILE_NAME} in the data directory (released by the OS when the process dies, so a killed
 * server leaves no stale claim). The storage engine's own writer lock is held only for one write
 * transaction at a time, so it cannot tell that a server is running; readers ({@code larch export})
 * do not take this lock.
 */
public final class DirectoryOwnerLock implements AutoCloseable {
    public static final String FILE_NAME = "larch-owner.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryOwnerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims {@code dataDirectory} for {@code purpose} ("the server", "an import"); an
     * {@link IllegalStateException} saying so when another process (or this one) holds it.
     */
    public static DirectoryOwnerLock claim(Path dataDirectory, String purpose) {
        Path file = dataDirectory.resolve(FILE_NAME);
        FileChannel channel = open(file);
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("the data directory " + dataDirectory + " is in use by a running server "
                    + "or an import (" + file + " is locked); stop it before starting " + purpose);
        }
        return new DirectoryOwnerLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock attempt's failure is what the caller reports
        }
    }
}
