package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Entry;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Identity;
import org.larch.backend.LarchDirectory;
import org.larch.backend.csn.CsnGenerator;
import org.larch.backend.index.IdSet;
import org.larch.backend.index.Indexes;
import org.larch.backend.ops.OperationContext;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.StoreReader;
import org.larch.storage.tools.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of LDIF straight into a store: round trips, order, operational attributes, bad records, -c, -n, -s. */
class LdifImportTest {
    private static final String SUFFIX_RECORD = """
            dn: dc=example,dc=com
            objectClass: top
            objectClass: dcObject
            objectClass: organization
            dc: example
            o: Example

            """;

    @TempDir
    Path temp;

    @Test
    void exportImportExportIsIdenticalByteForByte() throws Exception {
        Path source = temp.resolve("source");
        LdifFixtures.buildSample(source);
        String first = export(source);
        ImportReport report = importInto(temp.resolve("copy"), first, ImportOptions.defaults());
        assertTrue(report.clean(), report::toString);
        assertEquals(6, report.added());
        assertEquals(first, export(temp.resolve("copy")));
    }

    @Test
    void roundTripAcrossManySmallCommitsIsIdenticalAndTheEnvironmentChecksClean() throws Exception {
        Path source = temp.resolve("source");
        LdifFixtures.buildSample(source);
        String first = export(source);
        importInto(temp.resolve("copy"), first, new ImportOptions(false, false, false, 2));
        assertEquals(first, export(temp.resolve("copy")));
        try (DirectoryStore store = LdifFixtures.openStore(temp.resolve("copy"))) {
            assertTrue(Checker.check(store.env()).ok());
        }
    }

    @Test
    void childrenBeforeTheirParentsWaitForThem() throws Exception {
        String ldif = person("uid=ann,ou=people,dc=example,dc=com", "ann")
                + "dn: ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\nou: people\n\n"
                + SUFFIX_RECORD;
        ImportReport report = importInto(temp, ldif, new ImportOptions(false, false, false, 1));
        assertTrue(report.clean(), report::toString);
        assertEquals(List.of("dc=example,dc=com", "ou=people,dc=example,dc=com", "uid=ann,ou=people,dc=example,dc=com"),
                LdifExportTest.parse(export(temp)).stream().map(Entry::getDN).toList());
    }

    @Test
    void entriesWhoseParentNeverComesAreReportedWithTheirLine() throws Exception {
        String ldif = SUFFIX_RECORD + person("uid=ann,ou=nowhere,dc=example,dc=com", "ann");
        ImportReport report = importInto(temp, ldif, ImportOptions.defaults());
        assertEquals(1, report.added());
        assertEquals(List.of(new LdifProblem("test.ldif", 8, "uid=ann,ou=nowhere,dc=example,dc=com",
                "its parent ou=nowhere,dc=example,dc=com is neither in the directory nor in the file")), report.unresolved());
    }

    @Test
    void entriesInterleavedOverContainersFindTheirParentsAndARenamedParentIsNotFoundByItsOldName() throws Exception {
        String ldif = SUFFIX_RECORD
                + "dn: ou=a,dc=example,dc=com\nobjectClass: organizationalUnit\nou: a\n\n"
                + "dn: ou=b,dc=example,dc=com\nobjectClass: organizationalUnit\nou: b\n\n"
                + person("uid=a1,ou=a,dc=example,dc=com", "a1") + person("uid=b1,ou=b,dc=example,dc=com", "b1")
                + person("uid=a2,ou=a,dc=example,dc=com", "a2") + person("uid=b2,ou=b,dc=example,dc=com", "b2")
                + "dn: ou=a,dc=example,dc=com\nchangetype: modrdn\nnewrdn: ou=c\ndeleteoldrdn: 1\n\n"
                + person("uid=a3,ou=a,dc=example,dc=com", "a3") + person("uid=c1,ou=c,dc=example,dc=com", "c1")
                + person("uid=x,dc=other,dc=org", "x");
        ImportReport report = importInto(temp, ldif, new ImportOptions(true, false, false, 2));
        assertEquals(8, report.added(), report::toString);
        assertEquals(1, report.changed(), report::toString);
        assertEquals(List.of("uid=x,dc=other,dc=org"), report.rejected().stream().map(LdifProblem::dn).toList(),
                report::toString);
        assertEquals(List.of("uid=a3,ou=a,dc=example,dc=com"), report.unresolved().stream().map(LdifProblem::dn).toList());
        assertEquals(List.of("dc=example,dc=com", "ou=b,dc=example,dc=com", "ou=c,dc=example,dc=com",
                        "uid=a1,ou=c,dc=example,dc=com", "uid=a2,ou=c,dc=example,dc=com", "uid=b1,ou=b,dc=example,dc=com",
                        "uid=b2,ou=b,dc=example,dc=com", "uid=c1,ou=c,dc=example,dc=com"),
                LdifExportTest.parse(export(temp)).stream().map(Entry::getDN).sorted().toList());
    }

    @Test
    void operationalAttributesInTheFileAreKeptAndAbsentOnesGenerated() throws Exception {
        String ldif = SUFFIX_RECORD + person("uid=ann,dc=example,dc=com", "ann")
                .replace("sn: ann\n", "sn: ann\nentryUUID: 6f1c4c40-2f5b-4a59-9f4d-0a4b1f0c9a01\n"
                        + "entryCSN: 20240101120000.000000Z#000000#001#000000\ncreateTimestamp: 20240101120000Z\n"
                        + "creatorsName: cn=seed\n");
        importInto(temp, ldif, ImportOptions.defaults());
        List<Entry> entries = LdifExportTest.parse(export(temp));
        Entry ann = entries.get(1);
        assertEquals("6f1c4c40-2f5b-4a59-9f4d-0a4b1f0c9a01", ann.getAttributeValue("entryUUID"));
        assertEquals("20240101120000.000000Z#000000#001#000000", ann.getAttributeValue("entryCSN"));
        assertEquals("cn=seed", ann.getAttributeValue("creatorsName"));
        assertEquals("cn=admin,dc=example,dc=com", ann.getAttributeValue("modifiersName"));
        assertEquals("inetOrgPerson", ann.getAttributeValue("structuralObjectClass"));
        Entry suffix = entries.getFirst();
        assertNotEquals(null, suffix.getAttributeValue("entryUUID"));
        assertEquals("cn=admin,dc=example,dc=com", suffix.getAttributeValue("creatorsName"));
        assertNotEquals(null, suffix.getAttributeValue("contextCSN"));
    }

    @Test
    void importedEntriesAreIndexed() throws Exception {
        importInto(temp, SUFFIX_RECORD + person("uid=ann,dc=example,dc=com", "Ann Smith"), ImportOptions.defaults());
        try (DirectoryStore store = LdifFixtures.openStore(temp); StoreReader reader = store.beginRead()) {
            Indexes indexes = Indexes.open(store.env(), reader.txn(), LdifFixtures.settings(temp).indexes(), store.schema());
            IdSet found = indexes.candidates(reader.txn(), FilterParser.parse(store.schema().schemaManager(), "(cn=ann smith)"));
            assertEquals(1, found.size());
        }
    }

    @Test
    void badRecordsNameTheirFileAndLine() throws Exception {
        String ldif = SUFFIX_RECORD                                       // lines 1-7
                + "dn: uid=a,dc=example,dc=com\nobjectClass inetOrgPerson\n\n"  // 8-10: no colon on line 9
                + "dn: uid=b,dc=example,dc=com\nuid:: !!!\n\n"                 // 11-13: bad base64 on line 12
                + "cn: orphan\n\n"                                              // 14-15: no dn
                + "dn: not a dn\ncn: x\n\n"                                     // 16-18: bad DN on line 16
                + person("uid=c,dc=example,dc=com", "c").replace("sn: c\n", "")  // 19-23: missing sn (schema)
                + person("uid=d,dc=example,dc=com", "d")                          // 24-29
                + "dn: uid=e,dc=example,dc=com\nchangetype: frobnicate\n\n"; // 30-32: unknown changetype on line 31
        ImportReport report = importInto(temp, ldif, new ImportOptions(true, false, false, 10));
        assertEquals(2, report.added(), report::toString);
        List<Integer> lines = report.rejected().stream().map(LdifProblem::lineNumber).toList();
        assertEquals(List.of(9, 12, 14, 16, 19, 31), lines, report::toString);
        assertEquals("test.ldif:9: expected \"name: value\", found \"objectClass inetOrgPerson\"",
                report.rejected().getFirst().toString());
        assertTrue(report.rejected().get(4).toString().startsWith("test.ldif:19: uid=c,dc=example,dc=com: "),
                report::toString);
    }

    @Test
    void withoutContinueTheFirstBadRecordStopsTheImport() throws Exception {
        String ldif = SUFFIX_RECORD + "dn: uid=a,dc=example,dc=com\nobjectClass inetOrgPerson\n\n"
                + person("uid=d,dc=example,dc=com", "d");
        LdifException e = assertThrows(LdifException.class, () -> importInto(temp, ldif, new ImportOptions(false, false, false, 1)));
        assertEquals(9, e.problem().lineNumber());
        assertEquals("test.ldif:9: expected \"name: value\", found \"objectClass inetOrgPerson\" (the import stopped there; "
                + "the 1 entries committed before it stay)", e.getMessage());
        assertEquals(1, LdifExportTest.parse(export(temp)).size());
    }

    @Test
    void aContinuationLineWithNothingToContinueIsNamedAndTheNextRecordStillReads() throws Exception {
        String ldif = SUFFIX_RECORD + " stray\ncn: x\n\n" + person("uid=d,dc=example,dc=com", "d");
        ImportReport report = importInto(temp, ldif, new ImportOptions(true, false, false, 10));
        assertEquals(2, report.added());
        assertEquals(List.of(8), report.rejected().stream().map(LdifProblem::lineNumber).toList());
    }

    @Test
    void dryRunChecksEverythingAndWritesNothing() throws Exception {
        String ldif = SUFFIX_RECORD + person("uid=ann,dc=example,dc=com", "ann")
                + person("uid=bad,dc=example,dc=com", "bad").replace("sn: bad\n", "");
        ImportReport report = importInto(temp, ldif, new ImportOptions(true, true, false, 1));
        assertEquals(2, report.added());
        assertEquals(1, report.rejected().size());
        try (DirectoryStore store = LdifFixtures.openStore(temp); StoreReader reader = store.beginRead()) {
            assertEquals(0, reader.suffixId());
        }
    }

    @Test
    void skippingTheSchemaCheckAcceptsWhatTheCheckRefuses() throws Exception {
        String ldif = SUFFIX_RECORD + person("uid=bad,dc=example,dc=com", "bad").replace("sn: bad\n", "");
        assertEquals(1, importInto(temp.resolve("checked"), ldif, new ImportOptions(true, false, false, 10)).added());
        assertEquals(2, importInto(temp.resolve("unchecked"), ldif, new ImportOptions(true, false, true, 10)).added());
    }

    @Test
    void anExistingEntryIsRejected() throws Exception {
        ImportReport report = importInto(temp, SUFFIX_RECORD + SUFFIX_RECORD, new ImportOptions(true, false, false, 10));
        assertEquals(1, report.added());
        assertEquals("test.ldif:8: dc=example,dc=com: the entry already exists", report.rejected().getFirst().toString());
    }

    @Test
    void aRepeatedDnUnderAParentTheImportCreatedIsRejected() throws Exception {
        String people = "dn: ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\nou: people\n\n"; // 8-11
        String ldif = SUFFIX_RECORD + people
                + person("uid=ann,ou=people,dc=example,dc=com", "Ann")                            // 12-17
                + person("UID=Ann,ou=people,dc=example,dc=com", "Ann")                            // 18-23: same DN
                + person("uid=bob,ou=people,dc=example,dc=com", "Bob");
        ImportReport report = importInto(temp, ldif, new ImportOptions(true, false, false, 2));
        assertEquals(4, report.added(), report::toString);
        assertEquals("test.ldif:18: UID=Ann,ou=people,dc=example,dc=com: the entry already exists",
                report.rejected().getFirst().toString());
        assertEquals(4, LdifExportTest.parse(export(temp)).size());
    }

    @Test
    void aNameTakenByAChangeRecordOrAlreadyInTheDirectoryIsRejected() throws Exception {
        String people = "dn: ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\nou: people\n\n"; // 8-11
        String first = SUFFIX_RECORD + people + person("uid=ann,ou=people,dc=example,dc=com", "Ann")          // 12-17
                + "dn: uid=ann,ou=people,dc=example,dc=com\nchangetype: modrdn\nnewrdn: uid=cy\ndeleteoldrdn: 0\n\n"
                + person("uid=cy,ou=people,dc=example,dc=com", "Cy");                                            // 23-28
        ImportReport renamed = importInto(temp, first, new ImportOptions(true, false, false, 10));
        assertEquals(List.of(23), renamed.rejected().stream().map(LdifProblem::lineNumber).toList(), renamed::toString);

        ImportReport again = importInto(temp, person("uid=cy,ou=people,dc=example,dc=com", "Cy")                  // 1-6
                + person("uid=dan,ou=people,dc=example,dc=com", "Dan"), new ImportOptions(true, false, false, 10));
        assertEquals(1, again.added(), again::toString);
        assertEquals(List.of(1), again.rejected().stream().map(LdifProblem::lineNumber).toList(), again::toString);
    }

    @Test
    void changeRecordsAreAppliedInFileOrder() throws Exception {
        String ldif = SUFFIX_RECORD + person("uid=ann,dc=example,dc=com", "Ann")             // 8-13
                + person("uid=bob,dc=example,dc=com", "Bob")                                   // 14-19
                + "dn: uid=ann,dc=example,dc=com\nchangetype: modify\nreplace: sn\nsn: Smith\n-\n"
                + "add: description\ndescription: one\ndescription: two\n-\n\n"            // 20-29
                + "dn: uid=bob,dc=example,dc=com\nchangetype: modrdn\nnewrdn: uid=robert\ndeleteoldrdn: 1\n\n"
                + "dn: uid=robert,dc=example,dc=com\nchangetype: delete\n\n"
                + "dn: uid=robert,dc=example,dc=com\nchangetype: delete\n\n"                   // 38: gone already
                + person("uid=cy,dc=example,dc=com", "Cy");
        ImportReport report = importInto(temp, ldif, new ImportOptions(true, false, false, 10_000));
        assertEquals(4, report.added(), report::toString);
        assertEquals(3, report.changed(), report::toString);
        assertEquals(List.of(38), report.rejected().stream().map(LdifProblem::lineNumber).toList(), report::toString);
        List<Entry> entries = LdifExportTest.parse(export(temp));
        assertEquals(List.of("dc=example,dc=com", "uid=ann,dc=example,dc=com", "uid=cy,dc=example,dc=com"),
                entries.stream().map(Entry::getDN).toList());
        assertEquals("Smith", entries.get(1).getAttributeValue("sn"));
        assertEquals(List.of("one", "two"), List.of(entries.get(1).getAttributeValues("description")));
    }

    @Test
    void badChangeRecordsNameTheirLine() throws Exception {
        String ldif = SUFFIX_RECORD
                + "dn: dc=example,dc=com\nchangetype: modify\nreplace: o\ncn: wrong\n-\n\n"      // 8-13: line 11
                + "dn: dc=example,dc=com\nchangetype: modrdn\nnewrdn: dc=other\n\n"               // 14-17: line 15
                + "dn: dc=example,dc=com\nchangetype: delete\ncn: x\n\n";                        // 18-21: line 20
        ImportReport report = importInto(temp, ldif, new ImportOptions(true, false, false, 10));
        assertEquals(List.of(11, 15, 20), report.rejected().stream().map(LdifProblem::lineNumber).toList(), report::toString);
    }

    @Test
    void aBadEntryUuidIsRejectedBeforeAnythingOfTheEntryIsWritten() throws Exception {
        String ldif = SUFFIX_RECORD + person("uid=bad,dc=example,dc=com", "Bad").replace("sn: Bad\n", "sn: Bad\nentryUUID: nope\n")
                + person("uid=good,dc=example,dc=com", "Good");
        ImportReport report = importInto(temp, ldif, new ImportOptions(true, false, true, 10));
        assertEquals(List.of("test.ldif:8: uid=bad,dc=example,dc=com: entryUUID nope is not a UUID"),
                report.rejected().stream().map(LdifProblem::toString).toList());
        assertEquals(List.of("dc=example,dc=com", "uid=good,dc=example,dc=com"),
                LdifExportTest.parse(export(temp)).stream().map(Entry::getDN).toList());
        try (DirectoryStore store = LdifFixtures.openStore(temp); StoreReader reader = store.beginRead()) {
            assertEquals(1, reader.children(reader.suffixId()).length);
            assertTrue(Checker.check(store.env()).ok());
        }
    }

    @Test
    void aSecondEntryWithTheSameEntryUuidIsRejected() throws Exception {
        String uuid = "entryUUID: 6f1c4c40-2f5b-4a59-9f4d-0a4b1f0c9a01\n";
        String ldif = SUFFIX_RECORD + person("uid=a,dc=example,dc=com", "A").replace("sn: A\n", "sn: A\n" + uuid)
                + person("uid=b,dc=example,dc=com", "B").replace("sn: B\n", "sn: B\n" + uuid);
        ImportReport report = importInto(temp, ldif, new ImportOptions(true, false, false, 10));
        assertEquals(List.of("test.ldif:15: uid=b,dc=example,dc=com: entryUUID 6f1c4c40-2f5b-4a59-9f4d-0a4b1f0c9a01 "
                + "already belongs to uid=a,dc=example,dc=com"), report.rejected().stream().map(LdifProblem::toString).toList());
    }

    private static String person(String dn, String name) {
        String uid = dn.substring("uid=".length(), dn.indexOf(','));
        return "dn: " + dn + "\nobjectClass: inetOrgPerson\nuid: " + uid + "\ncn: " + name + "\nsn: " + name + "\n\n";
    }

    @Test
    void manyRecordsReadAheadKeepFileOrderForChangesProblemsAndEntryCsns() throws Exception {
        StringBuilder ldif = new StringBuilder(SUFFIX_RECORD);
        for (int index = 0; index < 1_200; index++) {
            ldif.append(person("uid=p" + index + ",dc=example,dc=com", "P" + index));
            if (index == 700) {
                ldif.append("dn: uid=p5,dc=example,dc=com\nchangetype: delete\n\n");
                ldif.append("dn: uid=bad,dc=example,dc=com\nobjectClass: inetOrgPerson\nuid: bad\n\n"); // no cn, sn: rejected
            }
        }
        ldif.append(person("uid=p5,dc=example,dc=com", "Again"));
        ImportReport report = importInto(temp, ldif.toString(), new ImportOptions(true, false, false, 300));
        assertEquals(1_202, report.added(), report::toString);
        assertEquals(1, report.changed());
        assertEquals(List.of("uid=bad,dc=example,dc=com"), report.rejected().stream().map(LdifProblem::dn).toList());
        List<Entry> entries = LdifExportTest.parse(export(temp));
        assertEquals(1_201, entries.size());
        assertEquals("uid=p5,dc=example,dc=com", entries.getLast().getDN());
        assertEquals("Again", entries.getLast().getAttributeValue("cn"));
        for (int index = 1; index < entries.size(); index++) {
            String before = entries.get(index - 1).getAttributeValue("entryCSN");
            String after = entries.get(index).getAttributeValue("entryCSN");
            assertTrue(before.compareTo(after) < 0, before + " before " + after);
        }
        try (DirectoryStore store = LdifFixtures.openStore(temp);
                StoreReader reader = store.beginRead()) {
            Indexes indexes = Indexes.open(store.env(), reader.txn(), LdifFixtures.settings(temp).indexes(), store.schema());
            for (String cn : List.of("P17", "Again", "P5", "P6", "P1199")) {
                IdSet found = indexes.candidates(reader.txn(), FilterParser.parse(store.schema().schemaManager(), "(cn=" + cn + ")"));
                long matching = entries.stream().filter(entry -> cn.equals(entry.getAttributeValue("cn"))).count();
                assertEquals(cn.equals("P5") ? 0 : 1, matching, cn);
                assertEquals(matching, found.size(), cn);
            }
            IdSet people = indexes.candidates(reader.txn(), FilterParser.parse(store.schema().schemaManager(), "(objectClass=person)"));
            assertEquals(1_200, people.size());
        }
    }

    @Test
    void progressHearsEntriesAndCharactersReadEveryThousandEntries() throws Exception {
        StringBuilder ldif = new StringBuilder(SUFFIX_RECORD);
        for (int index = 0; index < 2_500; index++) {
            ldif.append(person("uid=p" + index + ",dc=example,dc=com", "P" + index));
        }
        List<long[]> heard = new java.util.ArrayList<>();
        importInto(temp, ldif.toString(), ImportOptions.defaults(), (entries, read) -> heard.add(new long[] {entries, read}));
        assertEquals(List.of(1_000L, 2_000L), heard.stream().map(update -> update[0]).toList());
        assertTrue(heard.get(0)[1] > 0 && heard.get(0)[1] < heard.get(1)[1] && heard.get(1)[1] < ldif.length());
    }

    private ImportReport importInto(Path directory, String ldif, ImportOptions options) {
        return importInto(directory, ldif, options, ImportProgress.NONE);
    }

    private ImportReport importInto(Path directory, String ldif, ImportOptions options, ImportProgress progress) {
        try (DirectoryStore store = LdifFixtures.openStore(directory)) {
            Indexes indexes = LarchDirectory.openIndexes(store, LdifFixtures.settings(directory));
            Identity importer = new Identity(new Dn(store.schema().schemaManager(), "cn=admin,dc=example,dc=com"), true);
            OperationContext context = OperationContext.of(store, LdifFixtures.settings(directory), new CsnGenerator(1),
                    indexes::update);
            LdifImport ldifImport = new LdifImport(context, indexes, importer, options, progress);
            return ldifImport.run(new BufferedReader(new StringReader(ldif)), "test.ldif");
        } catch (org.apache.directory.api.ldap.model.exception.LdapInvalidDnException e) {
            throw new AssertionError(e);
        }
    }

    private static String export(Path directory) {
        StringWriter out = new StringWriter();
        try (DirectoryStore store = LdifFixtures.openStore(directory)) {
            new LdifExport(store).export(null, null, out);
        }
        return out.toString();
    }
}
