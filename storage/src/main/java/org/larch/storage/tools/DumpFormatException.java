package org.larch.storage.tools;

import org.larch.storage.StorageException;

/** Input a load cannot take, named by source and line: {@code dump.txt:12: an odd number of hex digits}. */
public final class DumpFormatException extends StorageException {
    private final String source;
    private final long lineNumber;

    public DumpFormatException(String source, long lineNumber, String reason) {
        this(source, lineNumber, reason, null);
    }

    public DumpFormatException(String source, long lineNumber, String reason, Throwable cause) {
        super(source + ":" + lineNumber + ": " + reason, cause);
        this.source = source;
        this.lineNumber = lineNumber;
    }

    /** The file name, or "standard input". */
    public String source() {
        return source;
    }

    /** 1-based; the last line read when the input ended too early. */
    public long lineNumber() {
        return lineNumber;
    }
}
