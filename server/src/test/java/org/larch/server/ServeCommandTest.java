package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.conf.ConfigFile;

class ServeCommandTest {

    @TempDir
    Path temp;

    @Test
    void servesUntilSigtermThenExitsZeroAndTheSameDataReopens() throws Exception {
        Path config = TestConfigs.write(temp);
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config).replace("loglevel none", "loglevel stats"));
        String suffixUuid;
        try (ServeProcess serve = ServeProcess.start(temp, Map.of(), "-f", config.toString())) {
            URI url = serve.awaitUrl();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
                SearchResultEntry suffix = connection.getEntry(TestConfigs.SUFFIX, "entryUUID");
                assertNotNull(suffix, serve.output());
                suffixUuid = suffix.getAttributeValue("entryUUID");
                assertNotNull(suffixUuid, suffix.toLDIFString());
            }
            assertEquals(0, serve.terminate(), serve.output());
            String output = serve.output();
            assertTrue(output.contains("rootdn:        " + TestConfigs.ROOT_DN), output);
            assertTrue(output.contains("try:           ldapsearch -x -H " + url + " -b " + TestConfigs.SUFFIX), output);
            assertTrue(output.matches("(?s).*org\\.larch\\.access - conn=\\d+ op=0 SRCH base=\"" + TestConfigs.SUFFIX + "\".*"),
                    "loglevel stats turns the access log on:\n" + output);
            assertTrue(output.contains("org.larch.server.LarchServer - larch started: serving " + TestConfigs.SUFFIX + " at " + url),
                    output);
        }
        try (LarchServer server = LarchServer.start(ConfigFile.parse(config))) {
            URI url = server.urls().getFirst();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
                assertEquals(suffixUuid, connection.getEntry(TestConfigs.SUFFIX, "entryUUID").getAttributeValue("entryUUID"),
                        "the suffix entry of the first run, not a new one");
            }
        }
    }

    @Test
    void whatAClientWritesSurvivesSigterm() throws Exception {
        Path config = TestConfigs.write(temp);
        try (ServeProcess serve = ServeProcess.start(temp, Map.of(), "-f", config.toString())) {
            URI url = serve.awaitUrl();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
                connection.bind(TestConfigs.ROOT_DN, TestConfigs.ROOT_PASSWORD);
                connection.add("dn: cn=before-sigterm,dc=example,dc=com", "objectClass: person",
                        "cn: before-sigterm", "sn: S");
            }
            assertEquals(0, serve.terminate(), serve.output());
        }
        try (LarchServer server = LarchServer.start(ConfigFile.parse(config))) {
            URI url = server.urls().getFirst();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
                assertNotNull(connection.getEntry("cn=before-sigterm,dc=example,dc=com"));
            }
        }
    }

    @Test
    void embeddedDefaultPrintsTheGeneratedPasswordOnTheFirstStartOnly() throws Exception {
        String password;
        try (ServeProcess serve = ServeProcess.start(temp, Map.of(), "--listen", "ldap://127.0.0.1:0")) {
            URI url = serve.awaitUrl();
            password = generatedPassword(serve);
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
                connection.bind("cn=admin,dc=example,dc=com", password);
            }
            assertTrue(serve.output().contains("data:          " + temp.resolve("larch-data")), serve.output());
            assertEquals(0, serve.terminate(), serve.output());
        }
        try (ServeProcess serve = ServeProcess.start(temp, Map.of(), "--listen", "ldap://127.0.0.1:0")) {
            URI url = serve.awaitUrl();
            assertTrue(serve.stdoutLines().stream().noneMatch(line -> line.contains("password:")), serve.output());
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
                connection.bind("cn=admin,dc=example,dc=com", password);
            }
            assertEquals(0, serve.terminate(), serve.output());
        }
    }

    @Test
    void badConfigurationIsOneLineOnStderrAndExitCode2() {
        Path config = TestConfigs.write(temp, "sufix dc=typo");
        CommandRun run = CommandRun.of("serve", "-f", config.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(config + ":10: unknown directive \"sufix\" (did you mean \"suffix\"?)\n", run.err());
    }

    @Test
    void indexOnAnUndefinedAttributeIsAConfigurationErrorNamingItsLine() {
        Path config = TestConfigs.write(temp, "index noSuchAttribute eq");
        CommandRun run = CommandRun.of("serve", "-f", config.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(config + ":10: index: attribute type \"noSuchAttribute\" is not defined in the schema\n", run.err());
    }

    @Test
    void brokenSchemaFileIsAConfigurationErrorNamingItsLine() throws Exception {
        Path schema = java.nio.file.Files.writeString(temp.resolve("broken.schema"), """
                # refers to a superior type nobody defined
                attributetype ( 1.3.6.1.4.1.99999.1.1 NAME 'brokenAttribute'
                    SUP noSuchSuperior )
                """);
        Path config = TestConfigs.write(temp, "include " + schema);
        CommandRun run = CommandRun.of("serve", "-f", config.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith(schema + ":2: "), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
    }

    @Test
    void aPortInUseIsAClearMessageAndExitCode1() throws Exception {
        Path config = TestConfigs.write(temp);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "ldap://127.0.0.1:" + taken.getLocalPort();
            CommandRun run = CommandRun.of("serve", "-f", config.toString(), "--listen", url);
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("larch serve: cannot start: cannot listen on " + url), run.toString());
        }
    }

    @Test
    void printDefaultConfigShowsTheEmbeddedFile() {
        CommandRun run = CommandRun.of("serve", "--print-default-config");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("suffix    \"dc=example,dc=com\""), run.out());
    }

    private static String generatedPassword(ServeProcess serve) throws Exception {
        return serve.stdoutLines().stream().filter(line -> line.contains("password:")).findFirst()
                .map(line -> line.replaceFirst("^\\s*password:\\s*(\\S+).*$", "$1"))
                .orElseThrow(() -> new AssertionError("no password line:\n" + serve.output()));
    }
}
