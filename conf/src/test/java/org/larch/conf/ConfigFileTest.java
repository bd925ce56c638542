package org.larch.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path temp;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(temp);
    }

    @Test
    void minimalFileGetsSlapdDefaults() {
        LarchConfig config = files.parse(files.minimal());
        assertEquals("dc=example,dc=com", config.suffix());
        assertEquals(temp.resolve("data"), config.directory());
        assertNull(config.rootDn());
        assertNull(config.rootPassword());
        assertFalse(config.generateRootPassword());
        assertEquals(List.of(URI.create("ldap://127.0.0.1:1389")), config.listen());
        assertEquals(500, config.sizeLimit());
        assertEquals(3600, config.timeLimitSeconds());
        assertEquals(10_000, config.readTxnRenewEntries());
        assertEquals(64L << 30, config.maxSizeBytes());
        assertEquals(LogSettings.DEFAULT, config.logging());
        assertEquals(List.of(), config.indexes());
        assertEquals(List.of(), config.schemaFiles());
    }

    @Test
    void everyDirectiveIsRead() throws Exception {
        Path cert = files.write("tls/cert.pem", "cert");
        Path key = files.write("tls/key.pem", "key");
        LarchConfig config = files.parse("""
                # a comment
                database mdb
                suffix "dc=example,dc=org"
                rootdn "cn=Manager,dc=example,dc=org"
                rootpw {SSHA}abcdefgh
                directory db
                maxsize 2G
                index objectClass eq
                sizelimit unlimited
                timelimit 60
                listen ldap://127.0.0.1:0 ldaps://[::1]:1636
                TLSCertificateFile tls/cert.pem
                TLSCertificateKeyFile tls/key.pem
                loglevel stats2
                rtxnsize 500
                serverID 7
                maxpdusize 1M
                maxconnections 50
                idletimeout 300
                """);
        assertEquals("dc=example,dc=org", config.suffix());
        assertEquals("cn=Manager,dc=example,dc=org", config.rootDn());
        assertEquals("{SSHA}abcdefgh", config.rootPassword());
        assertEquals(temp.resolve("db"), config.directory());
        assertEquals(2L << 30, config.maxSizeBytes());
        assertEquals(List.of(new IndexSetting("objectClass", Set.of(IndexType.EQ), temp.resolve("larch.conf") + ":8")),
                config.indexes());
        assertEquals(0, config.sizeLimit());
        assertEquals(60, config.timeLimitSeconds());
        assertEquals(List.of(URI.create("ldap://127.0.0.1:0"), URI.create("ldaps://[::1]:1636")), config.listen());
        assertEquals(cert, config.tlsCertificateFile());
        assertEquals(key, config.tlsKeyFile());
        assertEquals(new LogSettings(LogSettings.Level.DEBUG, LogSettings.Level.INFO), config.logging());
        assertEquals(500, config.readTxnRenewEntries());
        assertEquals(7, config.serverId());
        assertEquals(1 << 20, config.maxPduBytes());
        assertEquals(50, config.maxConnections());
        assertEquals(300, config.idleTimeoutSeconds());
    }

    @Test
    void keywordsAreCaseInsensitive() {
        LarchConfig config = files.parse(files.minimal("SIZELIMIT 10", "ServerId 3"));
        assertEquals(10, config.sizeLimit());
        assertEquals(3, config.serverId());
    }

    @Test
    void continuationLinesJoinTheDirectiveAbove() {
        LarchConfig config = files.parse(files.minimal("listen ldap://127.0.0.1:1", "  ldap://127.0.0.1:2",
                "\tldap://127.0.0.1:3"));
        assertEquals(3, config.listen().size());
    }

    @Test
    void quotedArgumentsKeepSpacesAndEscapes() {
        LarchConfig config = files.parse(files.minimal("rootdn \"cn=John Smith,dc=example,dc=com\"",
                "rootpw \"pass word \\\" x\""));
        assertEquals("cn=John Smith,dc=example,dc=com", config.rootDn());
        assertEquals("pass word \" x", config.rootPassword());
    }

    @Test
    void hashOnlyStartsACommentAtTheStartOfALine() {
        LarchConfig config = files.parse(files.minimal("rootdn cn=admin,dc=example,dc=com", "rootpw secret#1"));
        assertEquals("secret#1", config.rootPassword());
    }

    @Test
    void maxsizeIsBytesOrHasAUnit() {
        assertEquals(12345, files.parse(files.minimal("maxsize 12345")).maxSizeBytes());
        assertEquals(10L << 10, files.parse(files.minimal("maxsize 10K")).maxSizeBytes());
        assertEquals(3L << 20, files.parse(files.minimal("maxsize 3MiB")).maxSizeBytes());
        assertEquals(1L << 40, files.parse(files.minimal("maxsize 1t")).maxSizeBytes());
    }

    @Test
    void indexDirectivesAsSlapdReadsThem() {
        LarchConfig config = files.parse(files.minimal("index cn,sn eq,sub", "index default pres,eq",
                "index mail", "index uid subinitial,approx", "index 0.9.2342.19200300.100.1.1 subany,subfinal"));
        Set<IndexType> sub = EnumSet.of(IndexType.SUB_INITIAL, IndexType.SUB_ANY, IndexType.SUB_FINAL);
        Set<IndexType> eqSub = EnumSet.copyOf(sub);
        eqSub.add(IndexType.EQ);
        String file = temp.resolve("larch.conf").toString();
        assertEquals(List.of(
                new IndexSetting("cn", eqSub, file + ":3"),
                new IndexSetting("sn", eqSub, file + ":3"),
                new IndexSetting("mail", EnumSet.of(IndexType.PRES, IndexType.EQ), file + ":5"),
                new IndexSetting("uid", EnumSet.of(IndexType.SUB_INITIAL, IndexType.APPROX), file + ":6"),
                new IndexSetting("0.9.2342.19200300.100.1.1", EnumSet.of(IndexType.SUB_ANY, IndexType.SUB_FINAL), file + ":7")),
                config.indexes());
    }

    @Test
    void listenUrlsAreNormalized() {
        LarchConfig config = files.parse(files.minimal("listen ldap:/// LDAP://localhost ldap://10.0.0.1:389/"));
        assertEquals(List.of(URI.create("ldap://0.0.0.0:389"), URI.create("ldap://localhost:389"),
                URI.create("ldap://10.0.0.1:389")), config.listen());
    }

    @Test
    void loglevelTakesNamesAndNumbers() {
        assertEquals(new LogSettings(LogSettings.Level.INFO, LogSettings.Level.INFO),
                files.parse(files.minimal("loglevel stats")).logging());
        assertEquals(new LogSettings(LogSettings.Level.OFF, LogSettings.Level.WARN),
                files.parse(files.minimal("loglevel none")).logging());
        assertEquals(new LogSettings(LogSettings.Level.INFO, LogSettings.Level.DEBUG),
                files.parse(files.minimal("loglevel 256 filter")).logging());
        assertEquals(new LogSettings(LogSettings.Level.OFF, LogSettings.Level.TRACE),
                files.parse(files.minimal("loglevel 0x1")).logging());
        assertEquals(new LogSettings(LogSettings.Level.DEBUG, LogSettings.Level.TRACE),
                files.parse(files.minimal("loglevel any")).logging());
    }

    @Test
    void rootdnEqualToOrUnderTheSuffixIgnoringCaseAndSpaces() {
        assertEquals("CN=Admin, DC=Example, DC=COM",
                files.parse(files.minimal("rootdn \"CN=Admin, DC=Example, DC=COM\"")).rootDn());
        assertEquals("dc=example,dc=com", files.parse(files.minimal("rootdn dc=example,dc=com")).rootDn());
    }

    @Test
    void dataDirectoryMayNotExistYet() {
        LarchConfig config = files.parse("suffix dc=x\ndirectory new/deeper\n");
        assertEquals(temp.resolve("new/deeper"), config.directory());
    }

    @Test
    void embeddedDefaultTakesThePasswordFromTheEnvironment() {
        LarchConfig config = ConfigFile.embeddedDefault(temp, java.util.Map.of("LARCH_ROOTPW", "s3cret"));
        assertEquals("dc=example,dc=com", config.suffix());
        assertEquals("cn=admin,dc=example,dc=com", config.rootDn());
        assertEquals("s3cret", config.rootPassword());
        assertFalse(config.generateRootPassword());
        assertEquals(temp.toAbsolutePath().resolve("larch-data"), config.directory());
        assertEquals(List.of(URI.create("ldap://127.0.0.1:1389")), config.listen());
        assertEquals("(embedded default)", config.source());
        assertTrue(config.indexes().stream().anyMatch(index -> index.attribute().equals("objectClass")));
    }

    @Test
    void embeddedDefaultWithoutPasswordAsksTheServerToGenerateOne() {
        LarchConfig config = ConfigFile.embeddedDefault(temp, java.util.Map.of());
        assertNull(config.rootPassword());
        assertTrue(config.generateRootPassword());
    }

    @Test
    void listenCanBeReplacedFromTheCommandLine() {
        LarchConfig config = ConfigFile.withListen(files.parse(files.minimal()), List.of("ldap://127.0.0.1:0"));
        assertEquals(List.of(URI.create("ldap://127.0.0.1:0")), config.listen());
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigFile.withListen(config, List.of("ldaps://127.0.0.1:0")));
        assertEquals("--listen: listen ldaps://127.0.0.1:0 needs TLSCertificateFile and TLSCertificateKeyFile", e.getMessage());
    }
}
