package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.DirectorySettings;
import org.larch.backend.index.IndexDirective;
import org.larch.backend.index.IndexKind;
import org.larch.conf.ConfigFile;
import org.larch.conf.IndexType;
import org.larch.conf.LarchConfig;
import org.larch.protocol.ProtocolSettings;

class ServerSettingsTest {
    @TempDir
    Path temp;

    @Test
    void everyIndexTypeHasTheBackendKindOfTheSameName() {
        for (IndexType type : IndexType.values()) {
            assertEquals(Set.of(IndexKind.valueOf(type.name())), ServerSettings.kinds(EnumSet.of(type)));
        }
        assertEquals(IndexType.values().length, IndexKind.values().length);
    }

    @Test
    void configurationMapsToTheBackendsSettings() throws Exception {
        Path file = temp.resolve("larch.conf");
        Files.writeString(file, """
                suffix dc=example,dc=org
                rootdn cn=admin,dc=example,dc=org
                rootpw secret
                directory data
                maxsize 1G
                index cn eq,sub
                sizelimit 7
                timelimit 8
                rtxnsize 9
                serverID 10
                """);
        LarchConfig config = ConfigFile.parse(file);
        DirectorySettings settings = ServerSettings.directory(config, "{SSHA}x",
                new ServerSettings.Features(List.of("1.2.3"), List.of("4.5.6")), "0.1.0");
        assertEquals(new DirectorySettings(temp.resolve("data"), 1L << 30, "dc=example,dc=org",
                "cn=admin,dc=example,dc=org", "{SSHA}x",
                List.of(new IndexDirective("cn", EnumSet.of(IndexKind.EQ, IndexKind.SUB_INITIAL,
                        IndexKind.SUB_ANY, IndexKind.SUB_FINAL))),
                7, 8, 9, List.of(), 10, List.of("1.2.3"), List.of("4.5.6"), List.of(), "0.1.0"), settings);
    }

    @Test
    void configurationMapsToTheFrontEndsSettings() {
        LarchConfig config = ConfigFile.embeddedDefault(temp, Map.of("LARCH_ROOTPW", "x"));
        assertEquals(new ProtocolSettings(List.of(URI.create("ldap://127.0.0.1:1389")), null, null,
                4 << 20, 1024, 0), ServerSettings.protocol(config));
    }
}
