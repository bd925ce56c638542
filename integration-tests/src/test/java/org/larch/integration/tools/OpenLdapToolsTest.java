package org.larch.integration.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldif.LDIFWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchConfigFile;
import org.larch.integration.server.LarchProcess;

/**
 * OpenLDAP's command-line clients from Debian's {@code ldap-utils} against a Larch server process
 * started as {@code larch serve -f FILE}: ldapadd, ldapsearch (plain, paged, server-side sorted, over
 * StartTLS and LDAPS), ldapmodify, ldapmodrdn, ldapdelete, ldapcompare, ldapwhoami, ldappasswd, each
 * checked by exit status and output.
 */
class OpenLdapToolsTest {
    private static final int PEOPLE = 200;
    private static final String ROOT_DN = LarchConfigFile.ROOT_DN;
    private static final String ROOT_PASSWORD = LarchConfigFile.ROOT_PASSWORD;

    private static Path directory;
    private static LarchProcess server;
    private static OpenLdapTool tool;
    private static String url;

    @BeforeAll
    static void startServerAndLoadWithLdapadd() throws Exception {
        assertNotNull(OpenLdapTool.installed(), "ldapsearch is not on the PATH: install ldap-utils (.ci/run does)");
        directory = Files.createTempDirectory("larch-tools-");
        LarchConfigFile config = LarchConfigFile.withTls(directory);
        server = LarchProcess.start(config);
        url = server.ldapUrl();
        Path home = Files.createDirectories(directory.resolve("home"));
        tool = new OpenLdapTool(home, config.certificate().certificateFile());

        Path ldif = directory.resolve("generated.ldif");
        Files.writeString(ldif, ldifWithoutExistingSuffix());
        OpenLdapTool.Result add = tool.run("ldapadd", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD, "-f", ldif.toString());
        assertEquals(0, add.exitCode(), add.toString());
        assertTrue(add.output().contains("adding new entry \"" + DirectoryDataGenerator.personDn(PEOPLE - 1) + "\""), add.toString());
    }


    /** The generated LDIF; without the suffix entry when the server created it on first start. */
    private static String ldifWithoutExistingSuffix() throws Exception {
        OpenLdapTool probe = new OpenLdapTool(directory, null);
        boolean suffixExists = probe.run("ldapsearch", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD,
                "-s", "base", "-b", DirectoryDataGenerator.SUFFIX, "1.1").exitCode() == 0;
        var entries = new DirectoryDataGenerator(11, PEOPLE).entries();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LDIFWriter writer = new LDIFWriter(out)) {
            for (var entry : suffixExists ? entries.subList(1, entries.size()) : entries) {
                writer.writeEntry(entry);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> ldapsearch(String... arguments) {
        return OpenLdapTool.with(List.of("ldapsearch", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD, "-LLL"), arguments);
    }

    private static OpenLdapTool.Result run(List<String> command) throws Exception {
        return tool.run(command.toArray(String[]::new));
    }

    private static int count(String output, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void ldapsearchFindsEntriesByFilterAndReturnsTheAskedAttributes() throws Exception {
        OpenLdapTool.Result result = run(ldapsearch("-b", DirectoryDataGenerator.SUFFIX, "(uid=user.3)", "mail", "sn"));
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.output().contains("dn: " + DirectoryDataGenerator.personDn(3)), result.toString());
        assertEquals(1, count(result.output(), "^mail: user\\.3@|^mail: .*\\.3@example\\.com$"), result.toString());
        assertEquals(0, count(result.output(), "^cn:"), "only the asked attributes");

        OpenLdapTool.Result people = run(ldapsearch("-b", DirectoryDataGenerator.PEOPLE, "(&(objectClass=inetOrgPerson)(uid=user.*))", "1.1"));
        assertEquals(0, people.exitCode(), people.toString());
        assertEquals(PEOPLE, count(people.output(), "^dn: "));
    }

    @Test
    void ldapsearchAnonymousMeetsTheSizeLimitWithExitStatus4() throws Exception {
        OpenLdapTool.Result result = tool.run("ldapsearch", "-x", "-H", url, "-LLL", "-b", DirectoryDataGenerator.PEOPLE,
                "-z", "15", "(objectClass=inetOrgPerson)", "1.1");
        assertEquals(4, result.exitCode(), "sizeLimitExceeded: " + result);
        assertEquals(15, count(result.output(), "^dn: "));
    }

    @Test
    void ldapsearchPagesThroughAllEntries() throws Exception {
        OpenLdapTool.Result result = run(OpenLdapTool.with(
                List.of("ldapsearch", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD),
                "-E", "pr=30/noprompt", "-b", DirectoryDataGenerator.PEOPLE, "(&(objectClass=inetOrgPerson)(uid=user.*))", "1.1"));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(PEOPLE, count(result.output(), "^dn: "));
        assertTrue(count(result.output(), "^(# )?pagedresults: .*cookie=") >= PEOPLE / 30, result.output());
    }

    @Test
    void ldapsearchWithServerSideSortGetsSortedEntries() throws Exception {
        OpenLdapTool.Result result = run(ldapsearch("-E", "!sss=uid", "-b", DirectoryDataGenerator.PEOPLE, "(uid=user.1*)", "uid"));
        assertEquals(0, result.exitCode(), result.toString());
        List<String> uids = result.output().lines().filter(l -> l.startsWith("uid: ")).map(l -> l.substring(5)).toList();
        assertFalse(uids.isEmpty());
        assertEquals(uids.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), uids);
    }

    @Test
    void ldapsearchOverStartTlsAndLdaps() throws Exception {
        OpenLdapTool.Result startTls = tool.run("ldapsearch", "-x", "-ZZ", "-H", url, "-LLL", "-s", "base",
                "-b", DirectoryDataGenerator.SUFFIX, "1.1");
        assertEquals(0, startTls.exitCode(), startTls.toString());
        OpenLdapTool.Result ldaps = tool.run("ldapsearch", "-x", "-H", server.ldapsUrl(), "-LLL", "-s", "base",
                "-b", DirectoryDataGenerator.SUFFIX, "1.1");
        assertEquals(0, ldaps.exitCode(), ldaps.toString());
        assertTrue(ldaps.output().contains("dn: " + DirectoryDataGenerator.SUFFIX), ldaps.toString());
    }

    @Test
    void ldapsearchReadsTheRootDseAndTheSubschema() throws Exception {
        OpenLdapTool.Result root = tool.run("ldapsearch", "-x", "-H", url, "-LLL", "-s", "base", "-b", "", "+");
        assertEquals(0, root.exitCode(), root.toString());
        assertTrue(root.output().contains("namingContexts: " + DirectoryDataGenerator.SUFFIX), root.toString());
        OpenLdapTool.Result schema = tool.run("ldapsearch", "-x", "-H", url, "-LLL", "-s", "base", "-b", "cn=Subschema",
                "(objectClass=subschema)", "attributeTypes", "objectClasses");
        assertEquals(0, schema.exitCode(), schema.toString());
        assertTrue(count(schema.output(), "^attributeTypes: ") > 50, "attribute types listed");
        assertTrue(schema.output().contains("NAME 'inetOrgPerson'"), "inetOrgPerson defined");
    }

    @Test
    void ldapmodifyChangesAnEntry() throws Exception {
        String dn = DirectoryDataGenerator.personDn(4);
        String change = "dn: " + dn + "\nchangetype: modify\nreplace: description\ndescription: changed by ldapmodify\n-\n"
                + "add: mail\nmail: second-address@example.com\n";
        OpenLdapTool.Result modify = tool.runWithInput(change, "ldapmodify", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD);
        assertEquals(0, modify.exitCode(), modify.toString());
        OpenLdapTool.Result read = run(ldapsearch("-s", "base", "-b", dn, "(objectClass=*)", "description", "mail"));
        assertTrue(read.output().contains("description: changed by ldapmodify"), read.toString());
        assertTrue(read.output().contains("mail: second-address@example.com"), read.toString());
        assertEquals(1, count(read.output(), "^description: "));
    }

    @Test
    void ldapmodifyAsAnonymousIsRefusedWithExitStatus50() throws Exception {
        String change = "dn: " + DirectoryDataGenerator.personDn(5) + "\nchangetype: modify\nreplace: description\ndescription: no\n";
        OpenLdapTool.Result modify = tool.runWithInput(change, "ldapmodify", "-x", "-H", url);
        assertEquals(50, modify.exitCode(), "insufficientAccessRights: " + modify);
    }

    @Test
    void ldapmodrdnRenamesAnEntry() throws Exception {
        String parent = "ou=research," + DirectoryDataGenerator.PEOPLE;
        String dn = addOwnEntry("rename-me", parent);
        OpenLdapTool.Result rename = tool.run("ldapmodrdn", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD, "-r", dn, "uid=renamed");
        assertEquals(0, rename.exitCode(), rename.toString());
        OpenLdapTool.Result old = run(ldapsearch("-s", "base", "-b", dn, "1.1"));
        assertEquals(32, old.exitCode(), "noSuchObject for the old name: " + old);
        OpenLdapTool.Result renamed = run(ldapsearch("-s", "base", "-b", "uid=renamed," + parent, "uid"));
        assertEquals(0, renamed.exitCode(), renamed.toString());
        assertEquals(List.of("uid: renamed"), renamed.output().lines().filter(l -> l.startsWith("uid:")).toList());
    }

    /** Adds an entry of the test's own with ldapadd (so that the generated people stay as generated). */
    private static String addOwnEntry(String uid, String parent) throws Exception {
        String dn = "uid=" + uid + "," + parent;
        String ldif = "dn: " + dn + "\nobjectClass: inetOrgPerson\nuid: " + uid + "\ncn: " + uid + "\nsn: " + uid + "\n";
        OpenLdapTool.Result add = tool.runWithInput(ldif, "ldapadd", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD);
        assertEquals(0, add.exitCode(), add.toString());
        return dn;
    }

    @Test
    void ldapdeleteRemovesAnEntryAndRefusesANonLeaf() throws Exception {
        String dn = addOwnEntry("delete-me", "ou=support," + DirectoryDataGenerator.PEOPLE);
        OpenLdapTool.Result delete = tool.run("ldapdelete", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD, dn);
        assertEquals(0, delete.exitCode(), delete.toString());
        assertEquals(32, run(ldapsearch("-s", "base", "-b", dn, "1.1")).exitCode());
        OpenLdapTool.Result nonLeaf = tool.run("ldapdelete", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD,
                DirectoryDataGenerator.PEOPLE);
        assertEquals(66, nonLeaf.exitCode(), "notAllowedOnNonLeaf: " + nonLeaf);
    }

    @Test
    void ldapcompareSaysTrueAndFalse() throws Exception {
        String dn = DirectoryDataGenerator.personDn(10);
        OpenLdapTool.Result yes = tool.run("ldapcompare", "-x", "-H", url, dn, "uid:USER.10");
        assertEquals(6, yes.exitCode(), "compareTrue: " + yes);
        assertTrue(yes.output().contains("TRUE"), yes.toString());
        OpenLdapTool.Result no = tool.run("ldapcompare", "-x", "-H", url, dn, "uid:user.11");
        assertEquals(5, no.exitCode(), "compareFalse: " + no);
        assertTrue(no.output().contains("FALSE"), no.toString());
    }

    @Test
    void ldapwhoamiNamesTheBoundIdentity() throws Exception {
        OpenLdapTool.Result root = tool.run("ldapwhoami", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD);
        assertEquals(0, root.exitCode(), root.toString());
        assertEquals("dn:" + ROOT_DN, root.output().strip().toLowerCase());
        OpenLdapTool.Result anonymous = tool.run("ldapwhoami", "-x", "-H", url);
        assertEquals(0, anonymous.exitCode(), anonymous.toString());
        assertEquals("anonymous", anonymous.output().strip());
        OpenLdapTool.Result wrong = tool.run("ldapwhoami", "-x", "-H", url, "-D", ROOT_DN, "-w", "wrong");
        assertEquals(49, wrong.exitCode(), "invalidCredentials: " + wrong);
        OpenLdapTool.Result overTls = tool.run("ldapwhoami", "-x", "-ZZ", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD);
        assertEquals(0, overTls.exitCode(), overTls.toString());
    }

    @Test
    void ldappasswdSetsAndGeneratesPasswordsThatBindAfterwards() throws Exception {
        String user = DirectoryDataGenerator.personDn(12);
        OpenLdapTool.Result set = tool.run("ldappasswd", "-x", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD, "-s", "chosen-one", user);
        assertEquals(0, set.exitCode(), set.toString());
        OpenLdapTool.Result bind = tool.run("ldapwhoami", "-x", "-H", url, "-D", user, "-w", "chosen-one");
        assertEquals(0, bind.exitCode(), bind.toString());
        assertEquals("dn:" + user, bind.output().strip());

        OpenLdapTool.Result generate = tool.run("ldappasswd", "-x", "-H", url, "-D", user, "-w", "chosen-one");
        assertEquals(0, generate.exitCode(), generate.toString());
        Matcher generated = Pattern.compile("New password: (\\S+)").matcher(generate.output());
        assertTrue(generated.find(), generate.toString());
        assertEquals(0, tool.run("ldapwhoami", "-x", "-H", url, "-D", user, "-w", generated.group(1)).exitCode());
        assertEquals(49, tool.run("ldapwhoami", "-x", "-H", url, "-D", user, "-w", "chosen-one").exitCode());
    }
}
