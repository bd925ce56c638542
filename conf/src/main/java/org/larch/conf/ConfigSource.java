package org.larch.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of one configuration file, with the name used in messages and the directory that relative
 * paths in it are resolved against (the file's own directory; the working directory for the embedded
 * default).
 *
 * @param name as messages show it: the path as given, or {@code (embedded default)}
 * @param file the file, or null for embedded text
 * @param baseDirectory where relative paths in this text point from
 * @param lines the physical lines
 */
public record ConfigSource(String name, Path file, Path baseDirectory, List<String> lines) {

    public ConfigSource {
        lines = List.copyOf(lines);
    }

    /** Reads {@code file} (UTF-8); a missing or unreadable file is a ConfigException naming it. */
    public static ConfigSource read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Path base = file.toAbsolutePath().getParent();
            return new ConfigSource(file.toString(), file, base, lines);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the configuration file: " + describe(e), e);
        }
    }

    /** Embedded text, e.g. the default configuration. */
    public static ConfigSource text(String name, Path baseDirectory, String text) {
        return new ConfigSource(name, null, baseDirectory, text.lines().toList());
    }

    /** {@code path} as written, made absolute against {@link #baseDirectory()} if it is relative. */
    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
