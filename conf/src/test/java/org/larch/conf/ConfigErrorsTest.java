package org.larch.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of mistake stops parsing with {@code file:line: reason}. */
class ConfigErrorsTest {
    @TempDir
    Path temp;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(temp);
    }

    /** The error for the minimal file plus {@code line} (which is then line 3). */
    private String errorOnLine3(String line) {
        return files.error(files.minimal(line));
    }

    @Test
    void unknownDirectiveNamesFileLineAndKeyword() {
        assertEquals("larch.conf:7: unknown directive \"sufix\" (did you mean \"suffix\"?)",
                files.error("# larch\n\ndatabase mdb\n# more\ndirectory /tmp\n\nsufix dc=example,dc=com\n"));
    }

    @Test
    void unknownDirectiveFarFromAnyKnownOne() {
        assertEquals("larch.conf:3: unknown directive \"frobnicate\"", errorOnLine3("frobnicate 1"));
    }

    @Test
    void slapdDirectivesLarchLacksSaySo() {
        assertEquals("larch.conf:3: directive \"access\" (slapd) is not supported by Larch yet",
                errorOnLine3("access to * by * read"));
    }

    @Test
    void schemaDefinitionsInTheConfigFile() {
        assertEquals("larch.conf:3: attributetype: schema definitions go in a .schema file of their own, loaded with include",
                errorOnLine3("attributetype ( 1.2.3 NAME 'x' )"));
    }

    @Test
    void continuationWithoutDirective() {
        assertEquals("larch.conf:2: continuation line (starts with white space) with no directive before it",
                files.error("# comment\n  suffix dc=x\n"));
    }

    @Test
    void lineNumberIsWhereAContinuedDirectiveStarts() {
        assertEquals("larch.conf:3: listen: \"http://x\" must start with ldap:// or ldaps://",
                files.error(files.minimal("listen ldap://127.0.0.1:1", " http://x")));
    }

    @Test
    void unterminatedQuote() {
        assertEquals("larch.conf:3: unterminated double quote", errorOnLine3("rootdn \"cn=x,dc=example,dc=com"));
    }

    @Test
    void wrongArgumentCount() {
        assertEquals("larch.conf:3: sizelimit takes one argument, got 2", errorOnLine3("sizelimit 1 2"));
        assertEquals("larch.conf:3: listen needs at least one argument", errorOnLine3("listen"));
        assertEquals("larch.conf:3: loglevel needs at least one argument", errorOnLine3("loglevel"));
    }

    @Test
    void singleValuedDirectiveGivenTwice() {
        assertEquals("larch.conf:4: rtxnsize given twice (first at larch.conf:3)",
                files.error(files.minimal("rtxnsize 5", "rtxnsize 6")));
        assertEquals("larch.conf:3: suffix given twice (first at larch.conf:1)", errorOnLine3("suffix dc=other"));
    }

    @Test
    void malformedDns() {
        assertEquals("larch.conf:1: suffix: \"example.com\" is not a DN", files.error("suffix example.com\n"));
        assertEquals("larch.conf:3: rootdn: \"cn\" is not a DN", errorOnLine3("rootdn cn"));
        assertEquals("larch.conf:1: suffix: the DN must not be empty", files.error("suffix \"\"\n"));
    }

    @Test
    void rootdnOutsideTheSuffix() {
        assertEquals("larch.conf:3: rootdn cn=admin,dc=other is not within the suffix dc=example,dc=com",
                errorOnLine3("rootdn cn=admin,dc=other"));
    }

    @Test
    void rootpwWithoutRootdn() {
        assertEquals("larch.conf:3: rootpw without rootdn: say which DN the password is for",
                errorOnLine3("rootpw secret"));
    }

    @Test
    void missingRequiredDirectives() {
        Path file = files.write("larch.conf", "directory /tmp\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse(file));
        assertEquals(file + ": no \"suffix\" directive", e.getMessage());
        assertEquals("larch.conf: no \"directory\" directive", files.error("suffix dc=x\n"));
    }

    @Test
    void missingFile() {
        Path file = temp.resolve("absent.conf");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse(file));
        assertEquals(file + ": cannot read the configuration file: no such file", e.getMessage());
    }

    @Test
    void badNumbers() {
        assertEquals("larch.conf:3: maxsize: \"10X\" is not a size (bytes, or a number with K, M, G or T)",
                errorOnLine3("maxsize 10X"));
        assertEquals("larch.conf:3: maxsize: 99999999999T is too large", errorOnLine3("maxsize 99999999999T"));
        assertEquals("larch.conf:3: sizelimit: \"lots\" is not a number", errorOnLine3("sizelimit lots"));
        assertEquals("larch.conf:3: timelimit: -5 is out of range (0 to 2147483647)", errorOnLine3("timelimit -5"));
        assertEquals("larch.conf:3: serverID: 4096 is out of range (0 to 4095)", errorOnLine3("serverID 4096"));
        assertEquals("larch.conf:3: rtxnsize: 0 is out of range (1 to 2147483647)", errorOnLine3("rtxnsize 0"));
        assertEquals("larch.conf:3: maxpdusize: 4G is out of range (1 byte to 2G - 1)", errorOnLine3("maxpdusize 4G"));
        assertEquals("larch.conf:3: maxconnections: 0 is out of range (1 to 1000000)", errorOnLine3("maxconnections 0"));
        assertEquals("larch.conf:3: idletimeout: \"1h\" is not a number", errorOnLine3("idletimeout 1h"));
    }

    @Test
    void badIndexDirectives() {
        assertEquals("larch.conf:3: unknown index type \"equals\" (known: pres, eq, sub, subinitial, subany, subfinal, approx)",
                errorOnLine3("index cn equals"));
        assertEquals("larch.conf:3: no index types given and no \"index default\" before this line",
                errorOnLine3("index cn"));
        assertEquals("larch.conf:4: attribute CN is already indexed (one index directive per attribute)",
                files.error(files.minimal("index cn eq", "index CN sub")));
        assertEquals("larch.conf:3: \"c n\" is not an attribute name or OID", errorOnLine3("index \"c n\" eq"));
        assertEquals("larch.conf:3: \"\" is not an attribute name or OID", errorOnLine3("index cn, eq"));
        assertEquals("larch.conf:3: index default needs index types, e.g. \"index default eq\"",
                errorOnLine3("index default"));
        assertTrue(errorOnLine3("index a b c").startsWith("larch.conf:3: index takes an attribute list"));
    }

    @Test
    void badListenUrls() {
        assertEquals("larch.conf:3: listen: \"ldapi:///\" must start with ldap:// or ldaps://",
                errorOnLine3("listen ldapi:///"));
        assertEquals("larch.conf:3: listen: \"ldap://h:1/dc=x\" may hold only scheme, host and port",
                errorOnLine3("listen ldap://h:1/dc=x"));
        assertEquals("larch.conf:3: listen: ldap://127.0.0.1:1 is listed twice",
                errorOnLine3("listen ldap://127.0.0.1:1 ldap://127.0.0.1:1"));
        assertTrue(errorOnLine3("listen \"ldap://a b\"").startsWith("larch.conf:3: listen: \"ldap://a b\" is not a URL"));
    }

    @Test
    void ldapsNeedsTlsFiles() {
        assertEquals("larch.conf:3: listen ldaps://0.0.0.0:636 needs TLSCertificateFile and TLSCertificateKeyFile",
                errorOnLine3("listen ldaps:///"));
    }

    @Test
    void tlsFilesComeInPairsAndMustExist() {
        files.write("cert.pem", "x");
        assertEquals("larch.conf:3: TLSCertificateFile without TLSCertificateKeyFile",
                errorOnLine3("TLSCertificateFile cert.pem"));
        assertEquals("larch.conf:3: TLSCertificateKeyFile without TLSCertificateFile",
                errorOnLine3("TLSCertificateKeyFile cert.pem"));
        assertEquals("larch.conf:4: no such file: key.pem",
                files.error(files.minimal("TLSCertificateFile cert.pem", "TLSCertificateKeyFile key.pem")));
    }

    @Test
    void unknownLogLevel() {
        assertTrue(errorOnLine3("loglevel stats chatty").startsWith("larch.conf:3: loglevel: unknown level \"chatty\" (known: acl, any, args,"));
    }

    @Test
    void otherDatabaseTypes() {
        assertTrue(errorOnLine3("database ldif").startsWith("larch.conf:3: database ldif is not supported"));
    }

    @Test
    void unusableDataDirectory() {
        files.write("plain-file", "x");
        assertEquals("larch.conf:2: directory plain-file is not a directory",
                files.error("suffix dc=x\ndirectory plain-file\n"));
        assertTrue(files.error("suffix dc=x\ndirectory plain-file/below\n")
                .startsWith("larch.conf:2: directory plain-file/below does not exist and cannot be created"));
    }
}
