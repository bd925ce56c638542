package org.larch.storage.env;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.larch.storage.StorageException;

/**
 * The lock file beside the data file. For now it keeps other processes out while the environment is
 * open for writing (an exclusive lock), and lets read-only openers share (a shared lock). The reader
 * table and writer lock across processes will live here too.
 */
public final class LockFile implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static LockFile acquire(Path path, boolean shared) {
        FileChannel channel = null;
        try {
            channel = shared
                    ? FileChannel.open(path, StandardOpenOption.READ)
                    : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            StandardOpenOption.CREATE);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                throw new StorageException("environment " + path.getParent() + " is in use by another process");
            }
            return new LockFile(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StorageException("environment " + path.getParent() + " is already open in this process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("cannot lock " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StorageException("cannot release lock file: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the error being reported matters more
            }
        }
    }
}
