package org.larch.storage;

/** Root of every error the storage engine raises. Unchecked, as in lmdbjava. */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
