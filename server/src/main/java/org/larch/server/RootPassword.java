package org.larch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.larch.backend.auth.PasswordHashes;
import org.larch.conf.LarchConfig;

/**
 * The root password the directory checks binds of the rootdn against. Configured ({@code rootpw} or
 * {@code LARCH_ROOTPW}) it is used as is. Otherwise (the embedded default) it is generated on the first
 * start: 20 random characters, shown once, and kept only as an {SSHA} hash in the data directory's
 * {@value #FILE_NAME} file (owner-readable only), which later starts use. Deleting that file makes the
 * next start generate a new password.
 */
final class RootPassword {
    static final String FILE_NAME = "root-password";
    private static final int GENERATED_LENGTH = 20;

    private final String configured;
    private final String generatedPlainText;

    private RootPassword(String configured, String generatedPlainText) {
        this.configured = configured;
        this.generatedPlainText = generatedPlainText;
    }

    static RootPassword resolve(LarchConfig config) {
        if (!config.generateRootPassword()) {
            return new RootPassword(config.rootPassword(), null);
        }
        Path file = config.directory().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new RootPassword(Files.readString(file, StandardCharsets.UTF_8).strip(), null);
            }
            String plainText = generate();
            String hash = new String(PasswordHashes.hash(plainText.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            writeOwnerOnly(file, hash + "\n");
            return new RootPassword(hash, plainText);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated root password in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The password as the directory gets it: plain text or {@code {SCHEME}hash}; null for none. */
    String configured() {
        return configured;
    }

    /** The plain text, only on the start that generated it. */
    Optional<String> generatedPlainText() {
        return Optional.ofNullable(generatedPlainText);
    }

    /** Letters and digits only: a password that starts with '-' or holds '_' is awkward on a command line. */
    private static String generate() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
