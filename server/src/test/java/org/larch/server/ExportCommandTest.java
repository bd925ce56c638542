package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldif.LDIFReader;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code larch export}: over a directory a running server (another process) keeps writing to. */
class ExportCommandTest {
    @TempDir
    Path temp;

    @Test
    void exportRunsWhileTheServerServesAndSeesItsEntries() throws Exception {
        Path config = TestConfigs.write(temp);
        try (ServeProcess serve = ServeProcess.start(temp, Map.of(), "-f", config.toString())) {
            URI url = serve.awaitUrl();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(),
                    TestConfigs.ROOT_DN, TestConfigs.ROOT_PASSWORD)) {
                connection.add("dn: ou=people," + TestConfigs.SUFFIX, "objectClass: organizationalUnit", "ou: people");
                connection.add("dn: uid=ann,ou=people," + TestConfigs.SUFFIX, "objectClass: inetOrgPerson",
                        "uid: ann", "cn: Ann", "sn: Ann");
            }
            CommandRun run = CommandRun.of("export", "-f", config.toString());
            assertEquals(0, run.exitCode(), run::toString);
            List<Entry> entries = parse(run.out());
            assertEquals(List.of(TestConfigs.SUFFIX, "ou=people," + TestConfigs.SUFFIX,
                    "uid=ann,ou=people," + TestConfigs.SUFFIX), entries.stream().map(Entry::getDN).toList());
            assertEquals(TestConfigs.ROOT_DN, entries.get(2).getAttributeValue("creatorsName"));
        }
    }

    @Test
    void exportWritesAFileWithBaseAndFilter() throws Exception {
        Path config = TestConfigs.write(temp);
        try (LarchServer server = LarchServer.start(org.larch.conf.ConfigFile.parse(config))) {
            URI url = server.urls().getFirst();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(),
                    TestConfigs.ROOT_DN, TestConfigs.ROOT_PASSWORD)) {
                connection.add("dn: ou=people," + TestConfigs.SUFFIX, "objectClass: organizationalUnit", "ou: people");
            }
        }
        Path file = temp.resolve("out.ldif");
        CommandRun run = CommandRun.of("export", "-f", config.toString(), "-b", "ou=people," + TestConfigs.SUFFIX,
                "-a", "(ou=people)", "-l", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("ou=people," + TestConfigs.SUFFIX),
                parse(Files.readString(file)).stream().map(Entry::getDN).toList());
    }

    @Test
    void aMissingDataDirectoryIsNamed() {
        Path config = TestConfigs.write(temp);
        CommandRun run = CommandRun.of("export", "-f", config.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no data directory"), run::toString);
    }

    @Test
    void slapaddAndLdapaddAcceptTheExport() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(SLAPADD)) && Files.isExecutable(Path.of(LDAPADD)),
                "needs OpenLDAP's slapadd (slapd) and ldapadd (ldap-utils)");
        Path config = TestConfigs.write(temp);
        try (LarchServer server = LarchServer.start(org.larch.conf.ConfigFile.parse(config))) {
            URI url = server.urls().getFirst();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(),
                    TestConfigs.ROOT_DN, TestConfigs.ROOT_PASSWORD)) {
                connection.add("dn: ou=people," + TestConfigs.SUFFIX, "objectClass: organizationalUnit", "ou: people");
                connection.add("dn: uid=ann,ou=people," + TestConfigs.SUFFIX, "objectClass: inetOrgPerson", "uid: ann",
                        "cn: Ann Ärger", "sn: Ann", "description:  leading space", "description: " + "long ".repeat(40).strip());
            }
        }
        Path file = temp.resolve("export.ldif");
        assertEquals(0, CommandRun.of("export", "-f", config.toString(), "-l", file.toString()).exitCode());
        Path slapdDirectory = Files.createDirectory(temp.resolve("slapd-data"));
        Path slapdConfig = Files.writeString(temp.resolve("slapd.conf"), String.join("\n",
                "include /etc/ldap/schema/core.schema", "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema", "modulepath /usr/lib/ldap", "moduleload back_mdb",
                "database mdb", "suffix \"" + TestConfigs.SUFFIX + "\"", "rootdn \"" + TestConfigs.ROOT_DN + "\"",
                "directory " + slapdDirectory, ""));
        ProcessResult slapadd = runProcess(SLAPADD, "-f", slapdConfig.toString(), "-q", "-l", file.toString());
        assertEquals(0, slapadd.exitCode(), slapadd.output());
        ProcessResult slapcat = runProcess("/usr/sbin/slapcat", "-f", slapdConfig.toString());
        assertEquals(3, parse(slapcat.output()).size(), slapcat.output());
        ProcessResult ldapadd = runProcess(LDAPADD, "-n", "-x", "-f", file.toString());
        assertEquals(0, ldapadd.exitCode(), ldapadd.output());
        assertTrue(ldapadd.output().contains("adding new entry \"uid=ann,ou=people," + TestConfigs.SUFFIX + "\""),
                ldapadd.output());
    }

    private static final String SLAPADD = "/usr/sbin/slapadd";
    private static final String LDAPADD = "/usr/bin/ldapadd";

    private record ProcessResult(int exitCode, String output) {
    }

    private ProcessResult runProcess(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new ProcessResult(process.waitFor(), output);
    }

    static List<Entry> parse(String ldif) throws Exception {
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(new BufferedReader(new StringReader(ldif)))) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
