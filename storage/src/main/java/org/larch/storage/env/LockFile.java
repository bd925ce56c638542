package org.larch.storage.env;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.larch.storage.StorageException;
import org.larch.storage.io.LockFileMapping;
import org.larch.storage.txn.ProcessIdentity;

/**
 * The lock file beside the data file, shared by every process that has the environment open: its
 * header and reader table are mapped read-write ({@link LockFileMapping} has the layout), and three
 * of its bytes carry file locks.
 *
 * <ul>
 * <li><b>Opening</b> takes the setup byte exclusively, so openers go one at a time. An opener that
 * can also lock the open byte exclusively is alone: it (re)initializes the file, whatever an earlier,
 * dead process left there. Each opener then holds the open byte shared until it closes, and keeps the
 * setup byte until {@link #endSetup()}: the environment finishes opening (creating the data file,
 * reading its meta) before the next process starts.
 * <li><b>Writing</b> takes the writer byte exclusively for the life of a write transaction (the
 * environment's semaphore already lets only one thread of this process try). The writer records its
 * pid in the header; finding a pid already there means the previous writer died mid-transaction.
 * </ul>
 *
 * A process maps one environment at most once (file locks belong to the process, and closing any
 * channel of a file drops all of them), so a second open in the same process is refused.
 */
public final class LockFile implements AutoCloseable {
    private static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final Path registeredAs;
    private final FileChannel channel;
    private final Arena arena;
    private final LockFileMapping mapping;
    private final boolean first;
    private FileLock setupLock;
    private volatile FileLock writerLock;

    private LockFile(Path path, Path registeredAs, FileChannel channel, Arena arena, LockFileMapping mapping,
            boolean first, FileLock setupLock) {
        this.path = path;
        this.registeredAs = registeredAs;
        this.channel = channel;
        this.arena = arena;
        this.mapping = mapping;
        this.first = first;
        this.setupLock = setupLock;
    }

    /**
     * Opens and maps the lock file at {@code path} and joins the processes using it; the first one
     * lays it out for {@code maxReaders} readers. Returns holding the setup lock: call
     * {@link #endSetup()} once the environment is open.
     */
    public static LockFile open(Path path, int maxReaders) {
        Path registeredAs = register(path);
        FileChannel channel = null;
        Arena arena = Arena.ofShared();
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE);
            FileChannel opened = channel;
            FileLock setupLock = uninterrupted(() -> opened.lock(LockFileMapping.SETUP_LOCK_BYTE, 1, false));
            FileLock alone = uninterrupted(() -> opened.tryLock(LockFileMapping.OPEN_LOCK_BYTE, 1, false));
            LockFileMapping mapping = alone != null ? initialize(channel, arena, maxReaders) : join(path, channel, arena);
            if (alone != null) {
                alone.release();
            }
            uninterrupted(() -> opened.lock(LockFileMapping.OPEN_LOCK_BYTE, 1, true));
            return new LockFile(path, registeredAs, channel, arena, mapping, alone != null, setupLock);
        } catch (IOException e) {
            abandon(registeredAs, channel, arena);
            throw new StorageException("cannot open lock file " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            abandon(registeredAs, channel, arena);
            throw e;
        }
    }

    /** Whether this process found nobody else using the environment, and so laid out the file. */
    public boolean isFirst() {
        return first;
    }

    /** Lets the next process open the environment. */
    public void endSetup() {
        FileLock lock = setupLock;
        setupLock = null;
        if (lock != null) {
            try {
                uninterrupted(() -> {
                    lock.release();
                    return null;
                });
            } catch (IOException e) {
                throw new StorageException("cannot release the setup lock of " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** The mapped header and reader table. */
    public LockFileMapping mapping() {
        return mapping;
    }

    /** The last committed transaction, as its writer announced it: one volatile read. */
    public long lastTxnId() {
        return mapping.lastTxnId();
    }

    /** Announces a commit to every process; called after its meta page is written. */
    public void announce(long txnId) {
        mapping.setLastTxnId(txnId);
    }

    /**
     * Takes the writer lock, waiting while another process holds it, and records this process as the
     * writer. Returns the writer pid found in the header: 0, unless the previous writer died while
     * holding the lock (its commit may have written a meta page it never announced).
     */
    public long lockWriter() {
        try {
            FileLock lock = uninterrupted(() -> channel.tryLock(LockFileMapping.WRITER_LOCK_BYTE, 1, false));
            writerLock = lock != null ? lock : waitForWriterLock();
        } catch (IOException e) {
            throw new StorageException("cannot take the writer lock of " + path + ": " + e.getMessage(), e);
        }
        long previous = mapping.writerPid();
        mapping.setWriterPid(ProcessIdentity.current().pid());
        return previous;
    }

    /** Clears the writer's pid and releases the writer lock; nothing if not held or already closed. */
    public void unlockWriter() {
        FileLock lock = writerLock;
        if (lock == null) {
            return;
        }
        writerLock = null;
        try {
            mapping.setWriterPid(0);
            uninterrupted(() -> {
                lock.release();
                return null;
            });
        } catch (ClosedChannelException | IllegalStateException closed) {
            // the lock file was closed meanwhile, which released every lock
        } catch (IOException e) {
            throw new StorageException("cannot release the writer lock of " + path + ": " + e.getMessage(), e);
        }
    }

    /** Unmaps the file and releases its locks (the writer's too: a closing writer leaves no pid behind). */
    @Override
    public void close() {
        try {
            if (writerLock != null) {
                mapping.setWriterPid(0);
                writerLock = null;
            }
            arena.close();
        } catch (IllegalStateException inUse) {
            // another thread is inside an access to the table; it gets an exception, and the JVM unmaps later
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new StorageException("cannot close lock file " + path + ": " + e.getMessage(), e);
            } finally {
                OPEN_IN_THIS_PROCESS.remove(registeredAs);
            }
        }
    }

    // ---- opening ----

    private static Path register(Path path) {
        Path registeredAs;
        try {
            registeredAs = path.getParent().toRealPath().resolve(path.getFileName());
        } catch (IOException e) {
            throw new StorageException("cannot resolve " + path + ": " + e.getMessage(), e);
        }
        if (!OPEN_IN_THIS_PROCESS.add(registeredAs)) {
            throw new StorageException("environment " + path.getParent() + " is already open in this process");
        }
        return registeredAs;
    }

    /** Lays the file out afresh: nobody else has it open, so nothing in it is live. */
    private static LockFileMapping initialize(FileChannel channel, Arena arena, int maxReaders) throws IOException {
        long size = LockFileMapping.sizeBytes(maxReaders);
        channel.truncate(size);
        ByteBuffer zeroes = ByteBuffer.allocate((int) size);
        while (zeroes.hasRemaining()) {
            channel.write(zeroes, zeroes.position());
        }
        MemorySegment segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
        return LockFileMapping.initialize(segment, maxReaders);
    }

    /** Maps the file as the processes already using it laid it out. */
    private static LockFileMapping join(Path path, FileChannel channel, Arena arena) throws IOException {
        long size = channel.size();
        if (size < LockFileMapping.HEADER_BYTES) {
            throw new StorageException("lock file " + path + " is in use but only " + size + " bytes long");
        }
        LockFileMapping mapping = LockFileMapping.existing(channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena));
        String problem = mapping.problem();
        if (problem != null) {
            throw new StorageException("lock file " + path + " is in use by another process but unusable: " + problem);
        }
        return mapping;
    }

    private FileLock waitForWriterLock() throws IOException {
        FutureTask<FileLock> wait = new FutureTask<>(() -> channel.lock(LockFileMapping.WRITER_LOCK_BYTE, 1, false));
        Thread.ofPlatform().daemon().name("larch writer lock wait").start(wait);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return wait.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs a file-lock call with the thread's interrupt status cleared, then restores it: an
     * interrupted thread would otherwise close the channel, and with it every lock of this process.
     * (A wait that may be long, for the writer lock, runs on a thread of its own: see lockWriter.)
     */
    private static <T> T uninterrupted(LockCall<T> call) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return call.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private interface LockCall<T> {
        T run() throws IOException;
    }

    private static void abandon(Path registeredAs, FileChannel channel, Arena arena) {
        try {
            arena.close();
            if (channel != null) {
                channel.close();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the error being reported matters more
        } finally {
            OPEN_IN_THIS_PROCESS.remove(registeredAs);
        }
    }
}
