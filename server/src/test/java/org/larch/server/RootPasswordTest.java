package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.auth.PasswordHashes;
import org.larch.conf.ConfigFile;
import org.larch.conf.LarchConfig;

class RootPasswordTest {
    @TempDir
    Path temp;

    @Test
    void configuredPasswordIsUsedAsIs() {
        LarchConfig config = ConfigFile.embeddedDefault(temp, Map.of("LARCH_ROOTPW", "from-env"));
        RootPassword password = RootPassword.resolve(config);
        assertEquals("from-env", password.configured());
        assertTrue(password.generatedPlainText().isEmpty());
        assertTrue(Files.notExists(config.directory().resolve(RootPassword.FILE_NAME)));
    }

    @Test
    void generatedOnceKeptHashedOwnerOnlyAndReused() throws Exception {
        LarchConfig config = ConfigFile.embeddedDefault(temp, Map.of());
        Files.createDirectories(config.directory());
        RootPassword first = RootPassword.resolve(config);
        String plainText = first.generatedPlainText().orElseThrow();
        assertTrue(plainText.matches("[A-Za-z0-9]{20}"), plainText);
        assertTrue(first.configured().startsWith("{SSHA}"), first.configured());
        assertTrue(PasswordHashes.verify(first.configured().getBytes(StandardCharsets.UTF_8),
                plainText.getBytes(StandardCharsets.UTF_8)));
        Path file = config.directory().resolve(RootPassword.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        RootPassword second = RootPassword.resolve(config);
        assertTrue(second.generatedPlainText().isEmpty());
        assertEquals(first.configured(), second.configured());
    }
}
