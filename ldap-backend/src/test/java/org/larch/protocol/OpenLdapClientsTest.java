package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenLDAP's command-line clients (Debian's ldap-utils) against the front end over the in-memory
 * directory: skipped where they are not installed.
 */
class OpenLdapClientsTest {
    private static final long TIMEOUT_SECONDS = 30;
    @TempDir
    static Path directory;
    private static RunningServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ldapsearch")), "ldap-utils not installed");
        TestCertificate certificate = TestCertificate.create(directory);
        server = new RunningServer(RunningServer.settings(List.of(URI.create("ldap://127.0.0.1:0")),
                certificate.certificateFile(), certificate.keyFile(), 100, 0));
        url = "ldap://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void ldapwhoamiAnonymousAndBound() throws Exception {
        assertEquals("anonymous", run(null, "ldapwhoami", "-x", "-H", url).trim());
        assertEquals("dn:" + InMemoryDirectory.ROOT_DN, run(null, "ldapwhoami", "-x", "-H", url,
                "-D", InMemoryDirectory.ROOT_DN, "-w", InMemoryDirectory.ROOT_PASSWORD).trim());
    }

    @Test
    void ldapsearchWithPagingReadsEveryEntry() throws Exception {
        String paged = run(null, "ldapsearch", "-x", "-LLL", "-H", url, "-b", "dc=example,dc=com",
                "-E", "pr=2/noprompt", "(objectClass=*)", "cn");
        String whole = run(null, "ldapsearch", "-x", "-LLL", "-H", url, "-b", "dc=example,dc=com", "(objectClass=*)", "cn");
        assertTrue(paged.lines().filter(line -> line.startsWith("dn: ")).count() >= 4, paged);
        assertEquals(whole.lines().filter(line -> line.startsWith("dn: ")).toList(),
                paged.lines().filter(line -> line.startsWith("dn: ")).toList());
        String output = paged;
        assertTrue(output.contains("cn: Alice Liddell"), output);
    }

    @Test
    void ldapsearchOverStartTls() throws Exception {
        String output = run(null, "ldapsearch", "-x", "-ZZ", "-LLL", "-H", url, "-b", "uid=alice,ou=people,dc=example,dc=com",
                "-s", "base", "(objectClass=*)", "sn");
        assertTrue(output.contains("sn: Liddell"), output);
    }

    @Test
    void ldapmodifyAddsAndLdappasswdSetsAPassword() throws Exception {
        String ldif = """
                dn: uid=erin,ou=people,dc=example,dc=com
                changetype: add
                objectClass: inetOrgPerson
                uid: erin
                cn: Erin
                sn: E
                """;
        run(ldif, "ldapmodify", "-x", "-H", url, "-D", InMemoryDirectory.ROOT_DN, "-w", InMemoryDirectory.ROOT_PASSWORD);
        run(null, "ldappasswd", "-x", "-H", url, "-D", InMemoryDirectory.ROOT_DN, "-w", InMemoryDirectory.ROOT_PASSWORD,
                "-s", "erin-pw", "uid=erin,ou=people,dc=example,dc=com");
        assertEquals("dn:uid=erin,ou=people,dc=example,dc=com", run(null, "ldapwhoami", "-x", "-H", url,
                "-D", "uid=erin,ou=people,dc=example,dc=com", "-w", "erin-pw").trim());
    }

    /** Runs a client with TLS certificate checks off (the test certificate is self-signed); fails on a non-zero exit. */
    private static String run(String input, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().put("LDAPTLS_REQCERT", "never");
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), command[0] + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
