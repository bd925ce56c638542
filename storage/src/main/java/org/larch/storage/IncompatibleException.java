package org.larch.storage;

/** A database was opened with flags that differ from those it was created with, or a name clashes with data. */
public final class IncompatibleException extends StorageException {
    public IncompatibleException(String message) {
        super(message);
    }
}
