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
        assertEquals("anonymous", run(null, "ldapwhoami", "-x", "-ZZ", "-H", url).trim(), "over StartTLS");
        assertEquals("anonymous", run(null, "ldapwhoami", "-x", "-H", url, "-D", "", "-w", "").trim(), "empty DN and password");
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

    @Test
    void ldapmodifyWithAssertionAndReadControls() throws Exception {
        String ldif = """
                dn: uid=bob,ou=people,dc=example,dc=com
                changetype: modify
                replace: sn
                sn: Rebuilt
                """;
        String output = run(ldif, "ldapmodify", "-x", "-H", url, "-D", InMemoryDirectory.ROOT_DN,
                "-w", InMemoryDirectory.ROOT_PASSWORD, "-e", "assert=(sn=Builder)", "-e", "preread=sn", "-e", "postread=sn");
        assertTrue(output.contains("sn: Builder") && output.contains("sn: Rebuilt"), output);
        String refused = runExpecting(122, ldif, "ldapmodify", "-x", "-H", url, "-D", InMemoryDirectory.ROOT_DN,
                "-w", InMemoryDirectory.ROOT_PASSWORD, "-e", "assert=(sn=Builder)");
        assertTrue(refused.contains("Assertion Failed"), refused);
    }

    @Test
    void ldapcompareAndSortedSearch() throws Exception {
        runExpecting(6, null, "ldapcompare", "-x", "-H", url, "uid=alice,ou=people,dc=example,dc=com", "sn:Liddell");
        runExpecting(5, null, "ldapcompare", "-x", "-H", url, "uid=alice,ou=people,dc=example,dc=com", "sn:Other");
        String sorted = run(null, "ldapsearch", "-x", "-LLL", "-H", url, "-b", "ou=people,dc=example,dc=com", "-s", "one",
                "-E", "!sss=cn", "(objectClass=*)", "cn");
        List<String> names = sorted.lines().filter(line -> line.startsWith("cn: ")).toList();
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void ldapmodrdnAndLdapdelete() throws Exception {
        String add = """
                dn: cn=temp,dc=example,dc=com
                changetype: add
                objectClass: device
                cn: temp
                """;
        String[] root = {"-x", "-H", url, "-D", InMemoryDirectory.ROOT_DN, "-w", InMemoryDirectory.ROOT_PASSWORD};
        run(add, concat("ldapmodify", root));
        run(null, concat("ldapmodrdn", root, "-r", "cn=temp,dc=example,dc=com", "cn=renamed"));
        run(null, concat("ldapdelete", root, "cn=renamed,dc=example,dc=com"));
        String missing = runExpecting(32, null, concat("ldapdelete", root, "cn=renamed,dc=example,dc=com"));
        assertTrue(missing.contains("No such object"), missing);
    }

    private static String[] concat(String command, String[] options, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(options));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Runs a client with TLS certificate checks off (the test certificate is self-signed); fails on a non-zero exit. */
    private static String run(String input, String... command) throws IOException, InterruptedException {
        return runExpecting(0, input, command);
    }

    private static String runExpecting(int exitCode, String input, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().put("LDAPTLS_REQCERT", "never");
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), command[0] + " did not finish");
        assertEquals(exitCode, process.exitValue(), String.join(" ", command) + " exited unexpectedly:\n" + output);
        return output;
    }
}
