package org.larch.backend.schema;

/**
 * A schema file could not be loaded: the message names the file, the line (as close as the parser
 * tells) and the reason, e.g. {@code custom.schema:12: attribute type 1.2.3 (fooBar): SUP unknownType is not defined}.
 */
public final class SchemaLoadException extends RuntimeException {

    public SchemaLoadException(String message) {
        super(message);
    }

    public SchemaLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
