package org.larch.storage;

/** How a put treats existing keys and key order. */
public enum PutFlag {
    /** Do not touch a key that exists: the put returns false instead (in DUPSORT: the key has any value). */
    NOOVERWRITE,
    /** DUPSORT only: the put returns false when this exact (key, value) pair exists. */
    NODUPDATA,
    /**
     * The key is greater than every key in the database (else {@link KeyExistsException}); pages fill
     * completely instead of splitting in half. For loading sorted data. In a DUPSORT database the key
     * may also equal the last key if the value is greater than its values.
     */
    APPEND,
    /** DUPSORT only: the value is greater than every value of its key (else {@link KeyExistsException}). */
    APPENDDUP
}
