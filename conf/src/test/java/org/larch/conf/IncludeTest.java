package org.larch.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {
    private static final String SCHEMA = """
            # a schema file
            objectidentifier MyOID 1.3.6.1.4.1.99999
            attributetype ( MyOID:1 NAME 'favouriteDrink'
                    DESC "what they drink"
                    EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )
            objectclass ( MyOID:2 NAME 'drinker' SUP top AUXILIARY MAY favouriteDrink )
            """;

    @TempDir
    Path temp;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(temp);
    }

    @Test
    void schemaFilesAreCollectedInOrderRelativeToTheIncludingFile() {
        Path first = files.write("schema/drink.schema", SCHEMA);
        Path second = files.write("schema/other.txt", "attributetype ( 1.2.3.4 NAME 'x' )\n");
        LarchConfig config = files.parse(files.minimal("include schema/drink.schema", "include schema/other.txt"));
        assertEquals(List.of(first, second), config.schemaFiles());
    }

    @Test
    void otherFilesAreReadAsConfiguration() {
        files.write("conf.d/limits.conf", "sizelimit 42\ninclude ../schema/drink.schema\n");
        Path schema = files.write("schema/drink.schema", SCHEMA);
        LarchConfig config = files.parse(files.minimal("include conf.d/limits.conf"));
        assertEquals(42, config.sizeLimit());
        assertEquals(List.of(schema), config.schemaFiles());
    }

    @Test
    void errorsInIncludedFilesNameThatFile() {
        files.write("conf.d/limits.conf", "\nsizelimit many\n");
        assertEquals("conf.d/limits.conf:2: sizelimit: \"many\" is not a number",
                files.error(files.minimal("include conf.d/limits.conf")));
    }

    @Test
    void mixingSchemaAndConfigurationIsAnError() {
        files.write("mixed.schema", SCHEMA + "suffix dc=x\n");
        assertEquals("mixed.schema:7: \"suffix\" in a schema file (a file holds either schema definitions or configuration)",
                files.error(files.minimal("include mixed.schema")));
    }

    @Test
    void missingIncludedFile() {
        assertEquals("larch.conf:3: include: absent.conf: cannot read the configuration file: no such file",
                files.error(files.minimal("include absent.conf")));
    }

    @Test
    void includeLoopsAreRefused() {
        files.write("a.conf", "include b.conf\n");
        files.write("b.conf", "include a.conf\n");
        assertEquals("b.conf:1: include a.conf loops back to a file that includes it",
                files.error(files.minimal("include a.conf")));
        assertEquals("larch.conf:3: include larch.conf loops back to a file that includes it",
                files.error(files.minimal("include larch.conf")));
    }
}
