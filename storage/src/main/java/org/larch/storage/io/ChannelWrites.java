package org.larch.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The production {@link FileWrites}: positional writes on the file's channel, sync as fdatasync, and
 * durable writes through a second channel on the same file opened with {@link
 * java.nio.file.StandardOpenOption#DSYNC}.
 */
final class ChannelWrites implements FileWrites {
    private final FileChannel channel;
    private final FileChannel durableChannel;

    ChannelWrites(FileChannel channel, FileChannel durableChannel) {
        this.channel = channel;
        this.durableChannel = durableChannel;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        return channel.write(source, position);
    }

    @Override
    public void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void writeDurably(ByteBuffer source, long position) throws IOException {
        long at = position;
        while (source.hasRemaining()) {
            at += durableChannel.write(source, at);
        }
    }
}
