package org.larch.integration.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.conf.ConfigFile;
import org.larch.conf.LarchConfig;

/** The test servers' configuration files are what the real parser accepts, and mean what the tests assume. */
class LarchConfigFileTest {

    @Test
    void plainConfigurationParses(@TempDir Path directory) {
        LarchConfigFile file = LarchConfigFile.plain(directory);
        LarchConfig config = ConfigFile.parse(file.write());
        assertEquals(LarchConfigFile.SUFFIX, config.suffix());
        assertEquals(LarchConfigFile.ROOT_DN, config.rootDn());
        assertEquals(LarchConfigFile.ROOT_PASSWORD, config.rootPassword());
        assertEquals(directory.resolve("data").toAbsolutePath(), config.directory());
        assertEquals(List.of(URI.create(file.ldapUrl())), config.listen());
        assertEquals(500, config.sizeLimit());
        assertTrue(config.indexes().size() >= 5, config.indexes().toString());
    }

    @Test
    void tlsConfigurationNamesTheGeneratedFilesAndBothPorts(@TempDir Path directory) {
        LarchConfigFile file = LarchConfigFile.withTls(directory).withSizeLimit(25);
        LarchConfig config = ConfigFile.parse(file.write());
        assertEquals(file.certificate().certificateFile().toAbsolutePath(), config.tlsCertificateFile());
        assertEquals(file.certificate().keyFile().toAbsolutePath(), config.tlsKeyFile());
        assertEquals(2, config.listen().size());
        assertEquals(25, config.sizeLimit());
    }
}
