package org.larch.storage.crash;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.larch.storage.io.FileWrites;

/**
 * The deliberately broken engine of the kill harness's control run: a write layer that holds a
 * commit's data pages back until its meta page has been written, then pauses
 * ({@value #PAUSE_MICROS} µs) before writing them. That is the bug copy-on-write's commit order
 * exists to prevent: a kill in the gap leaves a meta page pointing at pages never written. The harness
 * must flag it. Installed only by {@link CrashWriter} when asked for the control, through the
 * test-only hook of the data file.
 */
final class MetaFirstWrites implements FileWrites {
    static final long PAUSE_MICROS = 20_000;

    private final FileWrites file;
    private final int pageSize;
    private final List<Held> held = new ArrayList<>();

    private record Held(ByteBuffer bytes, long position) {
    }

    MetaFirstWrites(FileWrites file, int pageSize) {
        this.file = file;
        this.pageSize = pageSize;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        int length = source.remaining();
        if (position < 2L * pageSize) {
            writeFully(source, position);
            LockSupport.parkNanos(PAUSE_MICROS * 1_000);
            writeHeld();
            return length;
        }
        if (length % pageSize == 0) {
            ByteBuffer copy = ByteBuffer.allocate(length).put(source).flip();
            held.add(new Held(copy, position));
            return length;
        }
        return file.write(source, position);
    }

    @Override
    public void sync() throws IOException {
        file.sync();
    }

    private void writeHeld() throws IOException {
        for (Held pages : held) {
            writeFully(pages.bytes(), pages.position());
        }
        held.clear();
    }

    private void writeFully(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += file.write(bytes, at);
        }
    }
}
