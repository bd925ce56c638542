package org.larch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration files for server tests: a temp data directory, a free port (port 0), a rootdn. */
final class TestConfigs {
    static final String SUFFIX = "dc=example,dc=com";
    static final String ROOT_DN = "cn=admin,dc=example,dc=com";
    static final String ROOT_PASSWORD = "secret";

    private TestConfigs() {}

    /** Writes {@code larch.conf} into {@code directory} (data in {@code directory/data}) plus {@code extraLines}. */
    static Path write(Path directory, String... extraLines) {
        String text = "# written by a test\n"
                + "database mdb\n"
                + "suffix " + SUFFIX + "\n"
                + "rootdn " + ROOT_DN + "\n"
                + "rootpw " + ROOT_PASSWORD + "\n"
                + "directory data\n"
                + "listen ldap://127.0.0.1:0\n"
                + "index cn eq,sub\n"
                + "loglevel none\n"
                + String.join("\n", extraLines) + "\n";
        try {
            return Files.writeString(directory.resolve("larch.conf"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
