package org.larch.backend.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SchemaTextTest {

    @Test
    void continuationLinesJoinOntoTheLineTheDefinitionStartsOn() {
        String text = """
                attributetype ( 1.2.3 NAME 'x'
                \tDESC 'a description that wraps
                \t  onto the next line'
                \tSYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )
                objectclass ( 1.2.4 NAME 'y' SUP top AUXILIARY )
                """;
        String[] lines = SchemaText.prepare(text).split("\n", -1);
        assertEquals(text.split("\n", -1).length, lines.length, "same number of lines");
        assertEquals("attributetype ( 1.2.3 NAME 'x' DESC 'a description that wraps onto the next line'"
                + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )", lines[0]);
        assertEquals("", lines[1]);
        assertEquals("", lines[3]);
        assertEquals("objectclass ( 1.2.4 NAME 'y' SUP top AUXILIARY )", lines[4]);
    }

    @Test
    void commentsAreSkippedEvenInsideADefinition() {
        String prepared = SchemaText.prepare("""
                # header
                attributetype ( 1.2.3 NAME 'x'
                # the syntax:
                \tSYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )
                """);
        assertEquals("\nattributetype ( 1.2.3 NAME 'x' SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )\n\n\n", prepared);
    }

    @Test
    void aBlankLineEndsADefinition() {
        String prepared = SchemaText.prepare("objectidentifier A 1.2\n\n  \nobjectidentifier B A:3\n");
        assertEquals("objectidentifier A 1.2\n\n  \nobjectidentifier B A:3\n", prepared);
    }

    @Test
    void quotedOidsLoseTheirQuotes() {
        assertEquals("attributetype ( 1.2.3 NAME 'x' SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 EQUALITY distinguishedNameMatch )",
                SchemaText.prepare("attributetype ( 1.2.3 NAME 'x' SYNTAX '1.3.6.1.4.1.1466.115.121.1.12'"
                        + " EQUALITY 'distinguishedNameMatch' )"));
    }

    @Test
    void quotedNamesAndDescriptionsKeepTheirQuotes() {
        String line = "attributetype ( 1.2.3 NAME 'syntax' DESC 'SUP is not a keyword here' SUP name )";
        assertEquals(line, SchemaText.prepare(line));
    }
}
