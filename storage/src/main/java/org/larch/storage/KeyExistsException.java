package org.larch.storage;

/** A put with {@link PutFlag#NOOVERWRITE} found the key, or an {@link PutFlag#APPEND} key was out of order. */
public final class KeyExistsException extends StorageException {
    public KeyExistsException(String message) {
        super(message);
    }
}
