package org.larch.storage;

/** More named databases were opened than {@code maxdbs} allows. */
public final class DbsFullException extends StorageException {
    public DbsFullException(String message) {
        super(message);
    }
}
