package org.larch.storage;

/** How a put treats existing keys and key order. */
public enum PutFlag {
    /** Do not replace an existing key's value: the put returns false instead. */
    NOOVERWRITE,
    /**
     * The key is greater than every key in the database (else {@link KeyExistsException}); pages fill
     * completely instead of splitting in half. For loading sorted data.
     */
    APPEND
}
