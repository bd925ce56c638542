package org.larch.storage.tools;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.larch.storage.StorageException;

/**
 * Lines of bytes from a stream, numbered from 1, without their {@code '\n'}. Lines may be of any
 * length (a hex-encoded value of megabytes is one line); the last line needs no newline.
 */
final class LineInput {
    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final String source;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private long lineNumber;

    LineInput(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next line, or null at the end of the input. */
    byte[] next() {
        byte[] line = new byte[128];
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                break;
            }
            int newline = indexOfNewline();
            int end = newline >= 0 ? newline : limit;
            int chunk = end - position;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, position, line, length, chunk);
            length += chunk;
            position = end;
            if (newline >= 0) {
                position++;
                break;
            }
        }
        lineNumber++;
        return Arrays.copyOf(line, length);
    }

    /** The number of the line {@link #next()} returned last. */
    long lineNumber() {
        return lineNumber;
    }

    String source() {
        return source;
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() {
        try {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new StorageException("cannot read " + source + " after line " + lineNumber + ": " + e, e);
        }
    }
}
