package org.larch.storage.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.larch.storage.StorageException;

/**
 * The environment's data file: read through memory mappings made with {@code java.lang.foreign},
 * written with positional writes. The file is never mapped beyond its length (mapping more would
 * extend it: see DEPENDENCIES.md), so growing it means a new, larger mapping.
 */
public final class DataFile implements AutoCloseable {
    /**
     * Test hook: a layer to put between the data file opened at a path (absolute, normalized) and
     * its channel, to inject write faults. Package-private on purpose: only tests, through a class of
     * this package in the test sources, can set it; nothing in the engine or its configuration can.
     */
    static final Map<Path, UnaryOperator<FileWrites>> WRITE_LAYERS_FOR_TESTS = new ConcurrentHashMap<>();

    private final Path path;
    private final FileChannel channel;
    /** The same file opened with {@code DSYNC}, for the meta page of a full-sync commit; null when read-only. */
    private final FileChannel durableChannel;
    private final FileWrites writes;
    private final boolean readOnly;
    private final List<Arena> arenas = new ArrayList<>();
    private volatile Mapping mapping;
    private volatile long sizeBytes;

    private DataFile(Path path, FileChannel channel, FileChannel durableChannel, boolean readOnly) throws IOException {
        this.path = path;
        this.channel = channel;
        this.durableChannel = durableChannel;
        this.readOnly = readOnly;
        this.sizeBytes = channel.size();
        UnaryOperator<FileWrites> layer = WRITE_LAYERS_FOR_TESTS.get(path.toAbsolutePath().normalize());
        ChannelWrites channelWrites = new ChannelWrites(channel, durableChannel);
        this.writes = layer == null ? channelWrites : layer.apply(channelWrites);
    }

    public static DataFile open(Path path, boolean readOnly) {
        try {
            if (readOnly) {
                return new DataFile(path, FileChannel.open(path, StandardOpenOption.READ), null, true);
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE);
            try {
                return new DataFile(path, channel,
                        FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.DSYNC), false);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new StorageException("cannot open data file " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** The newest mapping; it covers the file as it was when last mapped. */
    public Mapping mapping() {
        return mapping;
    }

    /**
     * Re-reads the file's length, which another process may have grown, and maps the whole file if it
     * grew. Returns the current mapping.
     */
    public Mapping refresh() {
        refreshSize();
        return remap();
    }

    /** Re-reads the file's length, which another process may have grown; returns it. */
    public long refreshSize() {
        try {
            raiseSize(channel.size());
            return sizeBytes;
        } catch (IOException e) {
            throw new StorageException("cannot read the size of " + path + ": " + e.getMessage(), e);
        }
    }

    /** Maps the whole file as it is now and makes that the current mapping. */
    public synchronized Mapping remap() {
        if (mapping != null && mapping.sizeBytes() == sizeBytes) {
            return mapping;
        }
        Arena arena = Arena.ofShared();
        try {
            MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, sizeBytes, arena);
            arenas.add(arena);
            mapping = new Mapping(segment, sizeBytes);
            return mapping;
        } catch (IOException e) {
            arena.close();
            throw new StorageException("cannot map " + path + " (" + sizeBytes + " bytes): " + e.getMessage(), e);
        }
    }

    /**
     * Extends the file to {@code newSizeBytes} by writing its last byte. Pages in between are written
     * before any meta page refers to them; the file system may keep the gap sparse until then.
     */
    public void growTo(long newSizeBytes) {
        if (newSizeBytes <= sizeBytes) {
            return;
        }
        requireWritable();
        try {
            raiseSize(channel.size());
            if (newSizeBytes <= sizeBytes) {
                return; // another process grew it already: never write a byte inside the file
            }
            writes.write(ByteBuffer.wrap(new byte[1]), newSizeBytes - 1);
            raiseSize(newSizeBytes);
        } catch (IOException e) {
            throw failure("cannot grow " + path + " to " + newSizeBytes + " bytes", e);
        }
    }

    /** Writes {@code buffers} one after another starting at {@code offset}. */
    public void write(long offset, ByteBuffer[] buffers) {
        requireWritable();
        try {
            long position = offset;
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    position += writes.write(buffer, position);
                }
            }
            raiseSize(position);
        } catch (IOException e) {
            throw failure("write of " + path + " at offset " + offset + " failed", e);
        }
    }

    /**
     * Writes {@code buffer} at {@code offset} and returns once it is on the device: through the
     * {@code DSYNC} channel, one device flush instead of a write and an fdatasync.
     */
    public void writeDurably(long offset, ByteBuffer buffer) {
        requireWritable();
        try {
            long end = offset + buffer.remaining();
            writes.writeDurably(buffer, offset);
            raiseSize(end);
        } catch (IOException e) {
            throw failure("durable write of " + path + " at offset " + offset + " failed", e);
        }
    }

    /** The error for a failed write or sync; a full disk (ENOSPC, EDQUOT) is named as such. */
    private static StorageException failure(String what, IOException cause) {
        String reason = String.valueOf(cause.getMessage());
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return new StorageException("disk full: " + what + " (" + reason + "); free space on that"
                    + " file system and retry", cause);
        }
        return new StorageException(what + ": " + reason, cause);
    }

    /** Raises the known size; it never shrinks (nothing truncates an environment's file). */
    private synchronized void raiseSize(long bytes) {
        if (bytes > sizeBytes) {
            sizeBytes = bytes;
        }
    }

    private void requireWritable() {
        if (readOnly) {
            throw new StorageException(path + " is open read-only");
        }
    }

    /** Reads {@code length} bytes at {@code offset}; fewer if the file ends first. */
    public ByteBuffer read(long offset, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, offset + buffer.position());
                if (read < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new StorageException("read of " + path + " at offset " + offset + " failed: " + e.getMessage(), e);
        }
        return buffer.flip();
    }

    /** Forces written data (and the size needed to read it) to the device. */
    public void sync() {
        try {
            writes.sync();
        } catch (IOException e) {
            throw failure("sync of " + path + " failed", e);
        }
    }

    /**
     * Unmaps every mapping: a reader still using one gets an exception, never a crash. Every mapping
     * and the channel are closed whatever fails; a mapping still in use by another thread (inside a
     * single read of it) stays mapped until the JVM frees it, and is named in the error.
     */
    @Override
    public synchronized void close() {
        int stillInUse = 0;
        for (Arena arena : arenas) {
            try {
                arena.close();
            } catch (IllegalStateException inUse) {
                stillInUse++;
            }
        }
        arenas.clear();
        mapping = null;
        try {
            channel.close();
            if (durableChannel != null) {
                durableChannel.close();
            }
        } catch (IOException e) {
            throw new StorageException("closing " + path + " failed: " + e.getMessage(), e);
        }
        if (stillInUse > 0) {
            throw new StorageException("closed " + path + " while " + stillInUse
                    + " of its mappings were in use by another thread");
        }
    }
}
