package org.larch.conf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes configuration files into a test's temporary directory. */
final class ConfigFiles {
    private final Path directory;

    ConfigFiles(Path directory) {
        this.directory = directory;
    }

    /** A minimal valid configuration followed by {@code extraLines}. */
    String minimal(String... extraLines) {
        return "suffix dc=example,dc=com\n"
                + "directory " + directory.resolve("data") + "\n"
                + String.join("\n", extraLines) + "\n";
    }

    Path write(String name, String text) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LarchConfig parse(String text) {
        return ConfigFile.parse(write("larch.conf", text));
    }

    /** The message of the ConfigException parsing {@code text} throws, with the temp path cut off. */
    String error(String text) {
        Path file = write("larch.conf", text);
        try {
            ConfigFile.parse(file);
        } catch (ConfigException e) {
            return e.getMessage().replace(directory.toString() + "/", "");
        }
        throw new AssertionError("no ConfigException for:\n" + text);
    }

    Path directory() {
        return directory;
    }
}
