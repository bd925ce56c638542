package org.larch.benchmarks.ldif;

/**
 * A given name or surname as it is stored ({@code value}, which may hold non-ASCII letters) and the
 * lower-case ASCII form a mail address is made of ({@code ascii}).
 */
record Name(String value, String ascii) {
    /** A plain ASCII name: its mail form is its lower case. */
    static Name of(String value) {
        return new Name(value, value.toLowerCase(java.util.Locale.ROOT));
    }
}
