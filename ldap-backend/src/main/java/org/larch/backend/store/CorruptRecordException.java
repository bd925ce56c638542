package org.larch.backend.store;

/** A stored record of the directory cannot be decoded: the message names the record and the problem. */
public final class CorruptRecordException extends RuntimeException {

    public CorruptRecordException(String message) {
        super(message);
    }
}
