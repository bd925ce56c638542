package org.larch.storage;

/** A transaction or handle was used in a state that does not allow the call (ended, read-only, closed). */
public final class BadTxnException extends StorageException {
    public BadTxnException(String message) {
        super(message);
    }
}
