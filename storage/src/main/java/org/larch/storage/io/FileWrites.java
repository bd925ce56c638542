package org.larch.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where {@link DataFile} sends its positional writes and syncs. The engine only ever uses
 * {@link ChannelWrites}, straight to the file's channel; tests put fault-injecting layers in between
 * (lost or torn writes after a power cut, a full disk) through a hook of {@link DataFile} that only
 * code of this package can set.
 */
public interface FileWrites {
    /** Writes some of {@code source}'s remaining bytes at byte {@code position}; returns how many. */
    int write(ByteBuffer source, long position) throws IOException;

    /** Forces everything written so far, and the file size needed to read it, to the device. */
    void sync() throws IOException;

    /**
     * Writes all of {@code source}'s remaining bytes at byte {@code position} and returns once they
     * are on the device, as a write through a descriptor opened with {@code O_DSYNC} does (how LMDB
     * writes its meta page: the device flushes one page, no separate fdatasync). This default writes,
     * then syncs: what the test layers see as two steps.
     */
    default void writeDurably(ByteBuffer source, long position) throws IOException {
        long at = position;
        while (source.hasRemaining()) {
            at += write(source, at);
        }
        sync();
    }
}
