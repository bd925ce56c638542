package org.larch.storage.crash;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Predicate;
import org.larch.storage.io.FileWrites;

/**
 * A write layer whose disk fills up: from the first operation {@link #fillUpAt} accepts, writes (and
 * syncs, where a file system reports a full disk late) fail with the message Linux gives for ENOSPC,
 * until {@link #freeSpace}. {@code once} makes only that one operation fail, as when a neighbour's
 * file was deleted right after.
 */
final class FullDiskWrites implements FileWrites {
    private final FileWrites file;
    private Predicate<WriteOperation> fillUpAt = operation -> false;
    private boolean once;
    private boolean full;
    private int operations;
    private int failures;

    FullDiskWrites(FileWrites file) {
        this.file = file;
    }

    synchronized void fillUpAt(Predicate<WriteOperation> when, boolean onlyOnce) {
        fillUpAt = when;
        once = onlyOnce;
    }

    synchronized void freeSpace() {
        fillUpAt = operation -> false;
        full = false;
    }

    synchronized int failures() {
        return failures;
    }

    @Override
    public synchronized int write(ByteBuffer source, long position) throws IOException {
        checkSpace(new WriteOperation(operations++, false, position, source.remaining()));
        return file.write(source, position);
    }

    @Override
    public synchronized void sync() throws IOException {
        checkSpace(new WriteOperation(operations++, true, 0, 0));
        file.sync();
    }

    private void checkSpace(WriteOperation operation) throws IOException {
        boolean fails = full || fillUpAt.test(operation);
        if (!fails) {
            return;
        }
        failures++;
        if (once) {
            fillUpAt = any -> false;
        } else {
            full = true;
        }
        throw new IOException("No space left on device");
    }
}
