package org.larch.backend.ldif;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LdifRecordReaderTest {

    @Test
    void foldedLinesAreJoinedWithoutTheirLeadingSpace() {
        List<LdifLine> record = read("dn: uid=a,dc=exa\n mple,dc=com\ndescription: one\n  two\n three\n\n").next();
        assertEquals("uid=a,dc=example,dc=com", record.get(0).text());
        assertEquals("one twothree", record.get(1).text(), "only the first space of a continuation goes");
        assertEquals(3, record.get(1).lineNumber());
    }

    @Test
    void leadingWhiteSpaceOfAValueIsDroppedAndTrailingKept() {
        List<LdifLine> record = read("dn: dc=com\ncn: \t Babs  \ncn:x\n").next();
        assertEquals("Babs  ", record.get(1).text());
        assertEquals("x", record.get(2).text());
        assertEquals("cn", record.get(2).name());
    }

    @Test
    void base64ValuesAreDecoded() {
        List<LdifLine> record = read("dn: dc=com\ncn:: w6l0w6k= \n").next();
        assertEquals("été", new String(record.get(1).value(), UTF_8));
    }

    @Test
    void badNamesAndMissingColonsNameTheirLine() {
        LdifException badName = assertThrows(LdifException.class, () -> read("dn: dc=com\nc_n: x\n").next());
        assertEquals(2, badName.problem().lineNumber());
        LdifException noColon = assertThrows(LdifException.class, () -> read("dn: dc=com\ncn x\n").next());
        assertEquals(2, noColon.problem().lineNumber());
    }

    @Test
    void namesRepeatedFromThePreviousRecordAreTheSameNamesAndBadOnesStillFail() {
        LdifRecordReader reader = read("dn: dc=a\ncn: x\n-\n\ndn: dc=b\ncn: y\n-: z\n\ndn: dc=c\nc: w\n");
        List<LdifLine> first = reader.next();
        assertEquals(List.of("dn", "cn", "-"), first.stream().map(LdifLine::name).toList());
        LdifException dash = assertThrows(LdifException.class, reader::next);
        assertEquals(7, dash.problem().lineNumber());
        List<LdifLine> third = reader.next();
        assertEquals(List.of("dn", "c"), third.stream().map(LdifLine::name).toList());
        assertEquals("w", third.get(1).text());
    }

    @Test
    void recordsFollowOneAnotherToTheEnd() {
        LdifRecordReader reader = read("version: 1\n\n# c\ndn: dc=a\n\ndn: dc=b\n");
        assertEquals("dc=a", reader.next().getFirst().text());
        assertEquals("dc=b", reader.next().getFirst().text());
        assertNull(reader.next());
    }

    private static LdifRecordReader read(String ldif) {
        return new LdifRecordReader(new BufferedReader(new StringReader(ldif)), "test.ldif");
    }
}
