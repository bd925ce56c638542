package org.larch.storage;

/**
 * The environment reached its configured {@code maxsize}. The write transaction that hit it must be
 * aborted; the environment stays usable, and the limit can be raised on reopen.
 */
public final class MapFullException extends StorageException {
    public MapFullException(String message) {
        super(message);
    }
}
