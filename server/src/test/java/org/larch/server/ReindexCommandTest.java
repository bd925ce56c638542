package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.conf.ConfigFile;
import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.Txn;

/** {@code larch reindex}: a new index line filled offline, unknown attributes, the server's lock. */
class ReindexCommandTest {
    private static final String LDIF = """
            dn: dc=example,dc=com
            objectClass: dcObject
            objectClass: organization
            dc: example
            o: Example

            dn: uid=ann,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: ann
            cn: Ann
            sn: Smith

            dn: uid=bob,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: bob
            cn: Bob
            sn: Smith

            dn: uid=cy,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: cy
            cn: Cy
            sn: Jones

            """;

    @TempDir
    Path temp;

    @Test
    void aNewIndexLineIsFilledAndItsSearchesMatchAFullScan() throws Exception {
        reindexANewSnIndexAndCompareWithAFullScan();
    }

    @Test
    void inBatchesOfOneEntryTheIndexIsTheSame() throws Exception {
        reindexANewSnIndexAndCompareWithAFullScan("--entries-per-commit", "1");
    }

    private void reindexANewSnIndexAndCompareWithAFullScan(String... options) throws Exception {
        importLdif(TestConfigs.write(temp));
        Path config = TestConfigs.write(temp, "index sn eq");
        List<String> args = new ArrayList<>(List.of("reindex", "-f", config.toString()));
        args.addAll(List.of(options));
        args.add("sn");
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("larch reindex: rebuilt 1 indexes (sn) from 4 entries in "), run::toString);
        assertEquals(3, indexItems("idx.sn"), "one (value, id) item per person");
        try (LarchServer server = LarchServer.start(ConfigFile.parse(config))) {
            URI url = server.urls().getFirst();
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
                for (String sn : new String[] {"Smith", "Jones", "Nobody"}) {
                    assertEquals(fullScan(connection, sn), dns(connection, "(sn=" + sn + ")"), sn);
                }
            }
        }
    }

    @Test
    void withoutAttributesEveryConfiguredIndexIsRebuilt() throws Exception {
        importLdif(TestConfigs.write(temp));
        Path config = TestConfigs.write(temp, "index sn eq");
        CommandRun run = CommandRun.of("reindex", "-f", config.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("larch reindex: rebuilt 3 indexes (objectclass, cn, sn) from 4 entries in "),
                run::toString);
        assertEquals(3, indexItems("idx.sn"));
    }

    @Test
    void anAttributeThatIsNotIndexedExitsTwo() throws Exception {
        Path config = TestConfigs.write(temp);
        importLdif(config);
        for (String attribute : new String[] {"sn", "noSuchAttribute"}) {
            CommandRun run = CommandRun.of("reindex", "-f", config.toString(), "cn", attribute);
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("attribute '" + attribute + "' is not indexed in the configuration"), run::toString);
        }
    }

    @Test
    void reindexIsRefusedWhileAServerRunsOnTheDirectory() throws Exception {
        Path config = TestConfigs.write(temp);
        importLdif(config);
        try (ServeProcess serve = ServeProcess.start(temp, Map.of(), "-f", config.toString())) {
            serve.awaitUrl();
            CommandRun run = CommandRun.of("reindex", "-f", config.toString());
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("is in use by a running server or an import"), run::toString);
            assertTrue(run.err().contains("stop it before starting a reindex"), run::toString);
        }
    }

    private void importLdif(Path config) throws Exception {
        Path file = Files.writeString(temp.resolve("in.ldif"), LDIF);
        CommandRun run = CommandRun.of("import", "-f", config.toString(), "-l", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
    }

    private long indexItems(String database) {
        try (Env env = Env.open(temp.resolve("data"), EnvConfig.defaults())) {
            Dbi index = env.openDbi(database);
            try (Txn txn = env.txnRead()) {
                return index.stat(txn).entries();
            }
        }
    }

    /** The people with surname {@code sn}, found by reading every entry (no sn filter reaches the server). */
    private static Set<String> fullScan(LDAPConnection connection, String sn) throws Exception {
        Set<String> dns = new TreeSet<>();
        for (SearchResultEntry entry : connection.search(TestConfigs.SUFFIX, SearchScope.SUB, "(objectClass=*)")
                .getSearchEntries()) {
            if (sn.equalsIgnoreCase(entry.getAttributeValue("sn"))) {
                dns.add(entry.getDN());
            }
        }
        return dns;
    }

    private static Set<String> dns(LDAPConnection connection, String filter) throws Exception {
        Set<String> dns = new TreeSet<>();
        for (SearchResultEntry entry : connection.search(TestConfigs.SUFFIX, SearchScope.SUB, filter).getSearchEntries()) {
            dns.add(entry.getDN());
        }
        return dns;
    }
}
