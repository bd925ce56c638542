package org.larch.storage;

/** A named database that was asked for does not exist (and was not to be created). */
public final class NotFoundException extends StorageException {
    public NotFoundException(String message) {
        super(message);
    }
}
