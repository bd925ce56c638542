package org.larch.storage;

/** The data file holds something the engine did not write: a bad checksum, a bad page, a short file. */
public final class CorruptedException extends StorageException {
    public CorruptedException(String message) {
        super(message);
    }

    public CorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
