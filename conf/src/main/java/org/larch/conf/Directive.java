package org.larch.conf;

import java.nio.file.Path;
import java.util.List;

/**
 * One logical line of a configuration file: its keyword (as written), its arguments (quotes removed)
 * and where it came from, so any complaint about it can name the file and line.
 *
 * @param source the file (or embedded text) it was read from
 * @param lineNumber the physical line on which the directive starts (1-based)
 * @param keyword the first word, e.g. {@code suffix}
 * @param arguments the words after the keyword
 */
public record Directive(ConfigSource source, int lineNumber, String keyword, List<String> arguments) {

    public Directive {
        arguments = List.copyOf(arguments);
    }

    /** {@code file:line}, the prefix of every message about this directive (no line for line 0: not from a file). */
    public String location() {
        return lineNumber == 0 ? source.name() : source.name() + ":" + lineNumber;
    }

    /** An exception whose message is {@code file:line: reason}. */
    public ConfigException error(String reason) {
        return new ConfigException(location() + ": " + reason);
    }

    /** The only argument; anything else is an error naming how many were given. */
    public String singleArgument() {
        if (arguments.size() != 1) {
            throw error(keyword + " takes one argument, got " + arguments.size());
        }
        return arguments.getFirst();
    }

    /** At least one argument, or an error. */
    public List<String> someArguments() {
        if (arguments.isEmpty()) {
            throw error(keyword + " needs at least one argument");
        }
        return arguments;
    }

    /** A path argument: relative paths are taken relative to the directory of the file that says them. */
    public Path pathArgument() {
        return source.resolve(singleArgument());
    }
}
