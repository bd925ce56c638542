package org.larch.storage;

/** A key (or value) has a size the database does not accept, e.g. an empty key or one over the maximum. */
public final class BadValueSizeException extends StorageException {
    public BadValueSizeException(String message) {
        super(message);
    }
}
