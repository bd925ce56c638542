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
}
