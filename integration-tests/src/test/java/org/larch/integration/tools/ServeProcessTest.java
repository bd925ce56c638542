package org.larch.integration.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchConfigFile;
import org.larch.integration.server.LarchProcess;

/** {@code larch serve -f FILE} as a process: it serves, SIGTERM ends it cleanly, a restart finds the data. */
class ServeProcessTest {

    @Test
    void sigtermEndsTheServerAndARestartServesTheSameData(@TempDir Path directory) throws Exception {
        LarchConfigFile config = LarchConfigFile.plain(directory);
        String dn = "ou=survivor," + DirectoryDataGenerator.SUFFIX;
        try (LarchProcess server = LarchProcess.start(config)) {
            try (LDAPConnection connection = new LDAPConnection("127.0.0.1", config.ldapPort(),
                    LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD)) {
                if (connection.getEntry(DirectoryDataGenerator.SUFFIX) == null) {
                    connection.add(DirectoryDataGenerator.suffixEntry());
                }
                connection.add("dn: " + dn, "objectClass: organizationalUnit", "ou: survivor");
            }
            server.stop();
            assertFalse(server.isAlive());
        }
        try (LarchProcess again = LarchProcess.start(config);
                LDAPConnection connection = new LDAPConnection("127.0.0.1", config.ldapPort())) {
            assertNotNull(connection.getEntry(dn), "the entry added before SIGTERM is there after the restart");
            assertTrue(again.isAlive());
        }
        assertTrue(Files.list(directory.resolve("data")).findAny().isPresent(), "the data lives in the configured directory");
    }

    @Test
    void aMalformedConfigurationStopsStartUpNamingFileAndLine(@TempDir Path directory) throws Exception {
        LarchConfigFile config = LarchConfigFile.plain(directory);
        Path file = config.write();
        Files.writeString(file, Files.readString(file) + "nosuchdirective 42\n");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.larch.server.Main", "serve", "-f", file.toString())
                .redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        int status = process.waitFor();
        assertTrue(status != 0, "exit status " + status + ", output: " + output);
        int line = (int) Files.readAllLines(file).size();
        assertTrue(output.contains(file.getFileName().toString()) && output.contains(Integer.toString(line)), output);
        assertTrue(output.toLowerCase().contains("nosuchdirective"), output);
        assertEquals(-1, output.indexOf("\tat org.larch"), "a clear message, not a stack trace: " + output);
    }

}
