package org.larch.storage.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.larch.storage.io.FileWrites;

/**
 * A write layer that simulates a power cut: it passes writes and syncs to the file, but remembers
 * every write made since the last sync with the bytes it replaced. At the cut (a chosen operation
 * fails, and every one after it) the device is gone; {@link #rewriteAsAfterTheCut} then gives the file
 * the contents a disk could hold after such a crash: everything synced, and of each later write
 * whatever its {@link Fate} says (kept, lost, torn into sectors, cut inside a sector).
 */
final class PowerCutWrites implements FileWrites {
    static final int SECTOR = 512;

    /** What became of a write that was not synced before the cut. */
    enum Fate {
        /** All of it reached the disk. */
        KEEP,
        /** None of it. */
        DROP,
        /** Some of its 512-byte sectors, not all (a one-sector write: all or nothing). */
        TEAR,
        /** A prefix of 1 to 511 bytes: cut inside its first sector. */
        PREFIX,
        /** A prefix of 1 to 63 bytes: a meta page cut inside its header and first fields. */
        SHORT_PREFIX
    }

    /** A write made after the last sync: where, the bytes it replaced (within the old file), the new bytes. */
    record Unsynced(long position, byte[] before, byte[] after) {
    }

    private final FileWrites file;
    private final Path path;
    private final List<Unsynced> unsynced = new ArrayList<>();
    private Predicate<WriteOperation> cutBefore = operation -> false;
    private int operations;
    private long durableSize;
    private boolean down;

    PowerCutWrites(FileWrites file, Path path) {
        this.file = file;
        this.path = path;
        this.durableSize = sizeOf(path);
    }

    /** Cuts the power just before the first operation {@code when} accepts: it and all later ones fail. */
    synchronized void cutBefore(Predicate<WriteOperation> when) {
        this.cutBefore = when;
    }

    /** Cuts the power now. */
    synchronized void cutNow() {
        down = true;
    }

    synchronized boolean isDown() {
        return down;
    }

    synchronized List<Unsynced> unsynced() {
        return List.copyOf(unsynced);
    }

    @Override
    public synchronized int write(ByteBuffer source, long position) throws IOException {
        int length = source.remaining();
        checkPower(new WriteOperation(operations++, false, position, length));
        byte[] after = new byte[length];
        source.duplicate().get(after);
        byte[] before = read(position, (int) Math.max(0, Math.min(length, sizeOf(path) - position)));
        long at = position;
        while (source.hasRemaining()) {
            at += file.write(source, at);
        }
        unsynced.add(new Unsynced(position, before, after));
        return length;
    }

    @Override
    public synchronized void sync() throws IOException {
        checkPower(new WriteOperation(operations++, true, 0, 0));
        file.sync();
        unsynced.clear();
        durableSize = sizeOf(path);
    }

    private void checkPower(WriteOperation operation) throws IOException {
        if (!down && cutBefore.test(operation)) {
            down = true;
        }
        if (down) {
            throw new IOException("simulated power cut");
        }
    }

    /**
     * Makes the file what the disk holds after the cut: undoes every unsynced write, cuts the file back
     * to its synced size, then lays the unsynced writes down again as {@code fate} decides, in order.
     * Call it once the environment is closed.
     */
    synchronized void rewriteAsAfterTheCut(Function<Unsynced, Fate> fate, Random random) {
        down = true;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (int i = unsynced.size() - 1; i >= 0; i--) {
                Unsynced write = unsynced.get(i);
                channel.write(ByteBuffer.wrap(write.before()), write.position());
            }
            channel.truncate(durableSize);
            for (Unsynced write : unsynced) {
                layDown(channel, write, fate.apply(write), random);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unsynced.clear();
    }

    private static void layDown(FileChannel channel, Unsynced write, Fate fate, Random random) throws IOException {
        byte[] bytes = write.after();
        int sectors = (bytes.length + SECTOR - 1) / SECTOR;
        switch (fate) {
            case DROP -> {
            }
            case KEEP -> channel.write(ByteBuffer.wrap(bytes), write.position());
            case PREFIX -> writePrefix(channel, write, Math.min(bytes.length, SECTOR), random);
            case SHORT_PREFIX -> writePrefix(channel, write, Math.min(bytes.length, 64), random);
            case TEAR -> {
                int kept = random.nextInt(sectors);
                int lost = sectors == 1 ? -1 : (kept + 1 + random.nextInt(sectors - 1)) % sectors;
                for (int sector = 0; sector < sectors; sector++) {
                    boolean keep = sectors == 1 ? random.nextBoolean()
                            : sector == kept || (sector != lost && random.nextBoolean());
                    if (keep) {
                        int from = sector * SECTOR;
                        channel.write(ByteBuffer.wrap(bytes, from, Math.min(SECTOR, bytes.length - from)),
                                write.position() + from);
                    }
                }
            }
        }
    }

    /** Writes the first 1 to {@code limit - 1} bytes of {@code write} (nothing of a one-byte write). */
    private static void writePrefix(FileChannel channel, Unsynced write, int limit, Random random) throws IOException {
        if (limit > 1) {
            channel.write(ByteBuffer.wrap(write.after(), 0, 1 + random.nextInt(limit - 1)), write.position());
        }
    }

    private byte[] read(long position, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(length);
            while (bytes.hasRemaining() && channel.read(bytes, position + bytes.position()) >= 0) {
                // read on
            }
            return bytes.array();
        }
    }

    private static long sizeOf(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return channel.size();
        } catch (IOException e) {
            return 0;
        }
    }
}
