package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.conf.ConfigFile;

/** {@code larch import}: round trip through the commands, the server's lock, -n and -c, bad files. */
class ImportCommandTest {
    private static final String LDIF = """
            dn: uid=ann,ou=people,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: ann
            cn: Ann
            sn: Ann

            dn: dc=example,dc=com
            objectClass: dcObject
            objectClass: organization
            dc: example
            o: Example

            dn: ou=people,dc=example,dc=com
            objectClass: organizationalUnit
            ou: people

            """;

    @TempDir
    Path temp;

    @Test
    void exportImportExportThroughTheCommandsIsIdentical() throws Exception {
        Path source = Files.createDirectory(temp.resolve("source"));
        Path sourceConfig = TestConfigs.write(source);
        try (LarchServer server = LarchServer.start(ConfigFile.parse(sourceConfig))) {
            URI url = server.urls().getFirst();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(),
                    TestConfigs.ROOT_DN, TestConfigs.ROOT_PASSWORD)) {
                connection.add("dn: ou=people," + TestConfigs.SUFFIX, "objectClass: organizationalUnit", "ou: people");
                connection.add("dn: uid=ann,ou=people," + TestConfigs.SUFFIX, "objectClass: inetOrgPerson",
                        "uid: ann", "cn: Ann Ärger", "sn: Ann", "description: " + "long ".repeat(30).strip());
            }
        }
        Path first = temp.resolve("first.ldif");
        assertEquals(0, CommandRun.of("export", "-f", sourceConfig.toString(), "-l", first.toString()).exitCode());
        Path copyConfig = TestConfigs.write(Files.createDirectory(temp.resolve("copy")));
        CommandRun imported = CommandRun.of("import", "-f", copyConfig.toString(), "-l", first.toString());
        assertEquals(0, imported.exitCode(), imported::toString);
        assertTrue(imported.err().startsWith("larch import: imported 3 entries in "), imported::toString);
        CommandRun again = CommandRun.of("export", "-f", copyConfig.toString());
        assertEquals(Files.readString(first), again.out());
    }

    @Test
    void importIsRefusedWhileAServerRunsOnTheDirectory() throws Exception {
        Path config = TestConfigs.write(temp);
        Path file = Files.writeString(temp.resolve("in.ldif"), LDIF);
        try (ServeProcess serve = ServeProcess.start(temp, Map.of(), "-f", config.toString())) {
            serve.awaitUrl();
            CommandRun run = CommandRun.of("import", "-f", config.toString(), "-l", file.toString());
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("is in use by a running server or an import"), run::toString);
            assertTrue(run.err().contains("stop it before starting an import"), run::toString);
        }
    }

    @Test
    void aServerDoesNotStartWhileTheDirectoryIsClaimed() throws Exception {
        Path config = TestConfigs.write(temp);
        Files.createDirectories(temp.resolve("data"));
        try (var lock = org.larch.backend.ldif.DirectoryOwnerLock.claim(temp.resolve("data"), "an import")) {
            CommandRun run = CommandRun.of("serve", "-f", config.toString());
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("stop it before starting the server"), run::toString);
        }
    }

    @Test
    void childrenBeforeParentsAreImported() throws Exception {
        Path config = TestConfigs.write(temp);
        Path file = Files.writeString(temp.resolve("in.ldif"), LDIF);
        CommandRun run = CommandRun.of("import", "-f", config.toString(), "-l", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        CommandRun export = CommandRun.of("export", "-f", config.toString());
        assertEquals(3, ExportCommandTest.parse(export.out()).size());
    }

    @Test
    void theServerServesAnImportedDirectoryWithItsIndexes() throws Exception {
        Path config = TestConfigs.write(temp);
        Path file = Files.writeString(temp.resolve("in.ldif"), LDIF);
        assertEquals(0, CommandRun.of("import", "-f", config.toString(), "-l", file.toString()).exitCode());
        try (LarchServer server = LarchServer.start(ConfigFile.parse(config))) {
            URI url = server.urls().getFirst();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
                assertEquals(1, connection.search(TestConfigs.SUFFIX, com.unboundid.ldap.sdk.SearchScope.SUB, "(cn=ann)")
                        .getEntryCount());
                assertEquals(1, connection.search(TestConfigs.SUFFIX, com.unboundid.ldap.sdk.SearchScope.SUB, "(cn=an*)")
                        .getEntryCount());
            }
        }
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        Path config = TestConfigs.write(temp);
        Path file = Files.writeString(temp.resolve("in.ldif"), LDIF);
        CommandRun run = CommandRun.of("import", "-f", config.toString(), "-l", file.toString(), "-n");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("checked (nothing written): 3 entries"), run::toString);
        assertEquals("", CommandRun.of("export", "-f", config.toString()).out());
    }

    @Test
    void continueReportsBadRecordsWithFileAndLineAndExitsOne() throws Exception {
        Path config = TestConfigs.write(temp);
        Path file = Files.writeString(temp.resolve("in.ldif"), LDIF + "dn: cn=x,dc=example,dc=com\ncn x\n");
        CommandRun run = CommandRun.of("import", "-f", config.toString(), "-l", file.toString(), "-c");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("larch import: rejected: " + file + ":18: expected \"name: value\", found \"cn x\""),
                run::toString);
        assertTrue(run.err().contains("imported 3 entries"), run::toString);
    }

    @Test
    void withoutContinueABadRecordStopsWithFileAndLine() throws Exception {
        Path config = TestConfigs.write(temp);
        Path file = Files.writeString(temp.resolve("in.ldif"), "dn: dc=example,dc=com\nobjectClass: dcObject\ndc: example\n");
        CommandRun run = CommandRun.of("import", "-f", config.toString(), "-l", file.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("larch import: " + file + ":1: dc=example,dc=com: "), run::toString);
    }

    @Test
    void aMissingFileIsNamed() {
        Path config = TestConfigs.write(temp);
        CommandRun run = CommandRun.of("import", "-f", config.toString(), "-l", temp.resolve("none.ldif").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("none.ldif: no such file"), run::toString);
    }
}
