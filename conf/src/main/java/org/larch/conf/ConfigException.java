package org.larch.conf;

/**
 * The configuration cannot be used. The message is {@code file:line: reason} when a directive is to
 * blame (e.g. {@code larch.conf:7: unknown directive "sufix"}), {@code file: reason} when something is
 * missing from the whole file.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
