package org.larch.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The production {@link FileWrites}: positional writes on the file's channel, sync as fdatasync. */
final class ChannelWrites implements FileWrites {
    private final FileChannel channel;

    ChannelWrites(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        return channel.write(source, position);
    }

    @Override
    public void sync() throws IOException {
        channel.force(false);
    }
}
