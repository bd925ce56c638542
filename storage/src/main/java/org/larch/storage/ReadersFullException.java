package org.larch.storage;

/** Every slot of the reader table is taken; raise {@code maxreaders}. */
public final class ReadersFullException extends StorageException {
    public ReadersFullException(String message) {
        super(message);
    }
}
