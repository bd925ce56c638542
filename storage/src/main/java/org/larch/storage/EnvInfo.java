package org.larch.storage;

/**
 * Figures of the environment: its size ceiling, the file's physical size beside the pages in use
 * (logical size), the last committed transaction and the reader table.
 */
public record EnvInfo(int pageSize, long maxSizeBytes, long fileSizeBytes, long lastPage, long lastTxnId,
        int maxReaders, int readersUsed) {

    /** Bytes of the pages in use: what the data needs, whatever the file's size. */
    public long usedBytes() {
        return (lastPage + 1) * pageSize;
    }
}
