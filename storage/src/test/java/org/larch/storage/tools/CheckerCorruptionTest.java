package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Env;
import org.larch.storage.Txn;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.Bytes;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Meta;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;
import org.larch.storage.page.PageKind;

/**
 * Each check of {@link Checker} fails when the data file is damaged in the way it looks for, and
 * names the page. The file is edited with raw writes after the environment is closed (the meta-page
 * checks edit it while open), then opened again and checked. Edits reseal the page's checksum unless
 * the checksum is what is being tested, so that only the intended check fails.
 */
class CheckerCorruptionTest {
    @TempDir
    Path directory;

    private FileSurgery surgery;
    private long dataRoot;

    @BeforeEach
    void buildSoundEnvironment() {
        surgery = FileSurgery.build(directory);
        dataRoot = surgery.data.rootPage;
    }

    @AfterEach
    void closeFile() {
        surgery.close();
    }

    // ---- checksums and page headers ----

    @Test
    void flippedByteInALeafFailsItsChecksum() {
        LeafPage leaf = surgery.leafAlong(dataRoot, 0);
        flipByte(leaf.segment(), FileSurgery.PAGE_SIZE - 1);
        surgery.saveUnsealed(leaf.number(), leaf.segment());

        assertOnlyProblem(surgery.reopenAndCheck(), "page " + leaf.number() + " of database 'data': checksum");
    }

    @Test
    void pageHeaderNamingAnotherPageIsCaught() {
        LeafPage leaf = surgery.leafAlong(dataRoot, 0);
        PageHeader.setPageNumber(leaf.segment(), 0, 99_999);
        surgery.save(leaf);

        assertOnlyProblem(surgery.reopenAndCheck(),
                "page " + leaf.number() + " of database 'data': header says it is page 99999");
    }

    @Test
    void pageOfTheWrongKindIsCaught() {
        LeafPage leaf = surgery.leafAlong(dataRoot, 0);
        Bytes.putU16(leaf.segment(), 12, PageKind.OVERFLOW.code);
        surgery.save(leaf);

        assertProblem(surgery.reopenAndCheck(),
                "page " + leaf.number() + " of database 'data': kind overflow where a branch or leaf page belongs");
    }

    // ---- key order ----

    @Test
    void keysOutOfOrderWithinAPageAreCaught() {
        LeafPage leaf = surgery.leafAlong(dataRoot, 0);
        int last = leaf.slotCount() - 1;
        setFirstKeyByte(leaf, last, 'a');
        surgery.save(leaf);

        assertOnlyProblem(surgery.reopenAndCheck(),
                "page " + leaf.number() + " of database 'data': key " + last + " 'aey");
    }

    @Test
    void keyBelowItsParentsSeparatorIsCaught() {
        LeafPage leaf = surgery.leafAlong(((BranchPage) surgery.page(dataRoot)).child(0), 1);
        setFirstKeyByte(leaf, 0, 'a');
        surgery.save(leaf);

        assertOnlyProblem(surgery.reopenAndCheck(), "page " + leaf.number() + " of database 'data': key 0 'aey");
        assertProblem(surgery.reopenAndCheck(), "lies below its parent's separator 'key");
    }

    @Test
    void keyAtOrAboveTheNextSeparatorIsCaught() {
        LeafPage leaf = surgery.leafAlong(dataRoot, 0);
        setFirstKeyByte(leaf, leaf.slotCount() - 1, 'z');
        surgery.save(leaf);

        assertOnlyProblem(surgery.reopenAndCheck(), "is not below the next separator 'key");
    }

    @Test
    void separatorsOutOfOrderInABranchAreCaught() {
        BranchPage root = (BranchPage) surgery.page(dataRoot);
        setFirstKeyByte(root, 1, 'z');
        surgery.save(root);

        assertProblem(surgery.reopenAndCheck(), "page " + dataRoot + " of database 'data': key 2 ");
    }

    // ---- structure ----

    @Test
    void leavesAtDifferentDepthsAreCaught() {
        BranchPage root = (BranchPage) surgery.page(dataRoot);
        int last = root.slotCount() - 1;
        BranchPage lastChild = (BranchPage) surgery.page(root.child(last));
        root.setChild(last, lastChild.child(0));
        surgery.save(root);

        CheckReport report = surgery.reopenAndCheck();
        assertProblem(report, "page " + lastChild.child(0) + " of database 'data': leaf page at level 2, but the"
                + " first leaf lies at level 3");
        assertProblem(report, "page " + lastChild.number() + " is neither reached from a tree nor listed free");
    }

    @Test
    void branchWithoutNodesIsCaught() {
        BranchPage branch = (BranchPage) surgery.page(((BranchPage) surgery.page(dataRoot)).child(0));
        empty(branch.segment());
        surgery.save(branch);

        assertProblem(surgery.reopenAndCheck(), "page " + branch.number() + " of database 'data': branch page with"
                + " no nodes");
    }

    @Test
    void emptyLeafBelowTheRootIsCaught() {
        LeafPage leaf = surgery.leafAlong(dataRoot, 0);
        empty(leaf.segment());
        surgery.save(leaf);

        assertProblem(surgery.reopenAndCheck(), "page " + leaf.number() + " of database 'data': leaf page with no"
                + " nodes below the root");
    }

    @Test
    void nodeOffsetOutsideThePageGivesAProblemNotAnException() {
        LeafPage leaf = surgery.leafAlong(dataRoot, 0);
        Bytes.putU16(leaf.segment(), PageHeader.SIZE, FileSurgery.PAGE_SIZE - 4);
        surgery.save(leaf);

        assertProblem(surgery.reopenAndCheck(), "page " + leaf.number() + " of database 'data': node 0 at offset "
                + (FileSurgery.PAGE_SIZE - 4));
    }

    @Test
    void pageReachedTwiceIsCaught() {
        BranchPage root = (BranchPage) surgery.page(dataRoot);
        long shared = root.child(0);
        root.setChild(1, shared);
        surgery.save(root);

        assertProblem(surgery.reopenAndCheck(), "page " + shared + " is reached twice: from database 'data' and from"
                + " database 'data'");
    }

    @Test
    void childOutsideTheSnapshotIsCaught() {
        BranchPage root = (BranchPage) surgery.page(dataRoot);
        long outside = surgery.meta.lastPage() + 1000;
        root.setChild(0, outside);
        surgery.save(root);

        assertProblem(surgery.reopenAndCheck(), "page " + dataRoot + " of database 'data': node 0 points to page "
                + outside + ", outside the snapshot");
    }

    @Test
    void throwingComparatorGivesAProblemAndTheCheckGoesOn() {
        KeyComparator throwing = (a, aOffset, aLength, b, bOffset, bLength) -> {
            throw new IllegalStateException("comparator broke");
        };
        try (Env env = Env.open(directory, FileSurgery.CONFIG)) {
            CheckReport report = Checker.check(env, Map.of("data", throwing));
            assertProblem(report, "of database 'data': cannot be read: java.lang.IllegalStateException: comparator");
            assertEquals(3, report.databasesChecked());
        }
    }

    // ---- descriptors and counts ----

    @Test
    void descriptorCountsMustMatchTheTree() {
        FileSurgery.NodeAt node = surgery.databaseNode("data");
        DbRecord record = DbRecord.decode(node.leaf().inlineValue(node.index()), 0);
        record.entries += 1;
        record.depth += 1;
        record.encode(node.leaf().segment(), node.leaf().valueOffset(node.index()));
        surgery.save(node.leaf());

        CheckReport report = surgery.reopenAndCheck();
        assertProblem(report, "database 'data': its descriptor records depth 4, the walk counted 3");
        assertProblem(report, "database 'data': its descriptor records entries " + record.entries
                + ", the walk counted " + (record.entries - 1));
        assertEquals(2, report.problems().size(), report::toString);
    }

    @Test
    void rootOutsideTheSnapshotIsCaught() {
        FileSurgery.NodeAt node = surgery.databaseNode("data");
        DbRecord record = DbRecord.decode(node.leaf().inlineValue(node.index()), 0);
        record.rootPage = surgery.meta.lastPage() + 5;
        record.encode(node.leaf().segment(), node.leaf().valueOffset(node.index()));
        surgery.save(node.leaf());

        assertProblem(surgery.reopenAndCheck(), "database 'data': root page " + record.rootPage + " is outside");
    }

    @Test
    void mainTreeDescriptorInTheMetaPageMustMatch() {
        Meta meta = surgery.meta;
        DbRecord main = meta.mainDb().copy();
        main.leafPages += 3;
        surgery.saveMeta(new Meta(meta.pageSize(), meta.maxSizeBytes(), meta.txnId(), meta.lastPage(),
                meta.freeDb(), main));

        assertOnlyProblem(surgery.reopenAndCheck(), "the main tree: its descriptor records leaf pages "
                + main.leafPages);
    }

    // ---- overflow runs ----

    @Test
    void overflowRunTooShortForItsValueIsCaught() {
        LeafPage leaf = surgery.leafAlong(dataRoot, -1);
        long first = leaf.overflowPage(surgery.firstBigNode(leaf));
        MemorySegment run = surgery.raw(first, 3);
        PageHeader.setOverflowPages(run, 0, 1);
        surgery.saveSealed(first, run);

        CheckReport report = surgery.reopenAndCheck();
        assertProblem(report, "overflow run at page " + first + ": header says 1 pages, a value of 3000 bytes needs 3");
        assertProblem(report, "pages " + (first + 1) + " to " + (first + 2) + " are neither reached");
    }

    @Test
    void damageBeyondTheFirstPageOfARunFailsItsChecksum() {
        LeafPage leaf = surgery.leafAlong(dataRoot, -1);
        long first = leaf.overflowPage(surgery.firstBigNode(leaf));
        MemorySegment lastPageOfRun = surgery.raw(first + 2, 1);
        flipByte(lastPageOfRun, 100);
        surgery.saveUnsealed(first + 2, lastPageOfRun);

        assertOnlyProblem(surgery.reopenAndCheck(), "overflow run at page " + first + ": checksum does not match");
    }

    @Test
    void overflowRunOfTheWrongKindIsCaught() {
        LeafPage leaf = surgery.leafAlong(dataRoot, -1);
        long first = leaf.overflowPage(surgery.firstBigNode(leaf));
        MemorySegment run = surgery.raw(first, 3);
        Bytes.putU16(run, 12, PageKind.LEAF.code);
        surgery.saveSealed(first, run);

        assertProblem(surgery.reopenAndCheck(), "overflow run at page " + first + ": kind leaf where an overflow"
                + " page belongs");
    }

    // ---- free-page records ----

    @Test
    void freeRecordListingAPageInUseIsCaught() {
        LeafPage leaf = surgery.leafAlong(surgery.meta.freeDb().rootPage, 0);
        long txnId = freeRecordTxn(leaf, 0);
        long listed = freePage(leaf, 0, 0);
        setFreePage(leaf, 0, 0, dataRoot);
        surgery.save(leaf);

        CheckReport report = surgery.reopenAndCheck();
        assertProblem(report, "page " + dataRoot + " is listed free by the free-page record of txn " + txnId
                + " but is in use by database 'data'");
        assertProblem(report, "page " + listed + " is neither reached from a tree nor listed free");
    }

    @Test
    void pageListedFreeTwiceIsCaught() {
        LeafPage leaf = surgery.leafAlong(surgery.meta.freeDb().rootPage, 0);
        assertTrue(leaf.valueLength(0) >= 2 * Long.BYTES, "the record lists two pages or more");
        setFreePage(leaf, 0, 1, freePage(leaf, 0, 0));
        surgery.save(leaf);

        CheckReport report = surgery.reopenAndCheck();
        assertProblem(report, "page " + freePage(leaf, 0, 0) + " is listed free twice");
        assertProblem(report, "(page numbers must ascend)");
    }

    @Test
    void freeRecordListingAPageOutsideTheSnapshotLeaksThePageItReplaced() {
        LeafPage leaf = surgery.leafAlong(surgery.meta.freeDb().rootPage, -1);
        int node = leaf.slotCount() - 1;
        int lastIndex = leaf.valueLength(node) / Long.BYTES - 1;
        long listed = freePage(leaf, node, lastIndex);
        long outside = surgery.meta.lastPage() + 10;
        setFreePage(leaf, node, lastIndex, outside);
        surgery.save(leaf);

        CheckReport report = surgery.reopenAndCheck();
        assertProblem(report, "lists page " + outside + ", outside the snapshot");
        assertProblem(report, "page " + listed + " is neither reached from a tree nor listed free (leaked)");
        assertEquals(2, report.problems().size(), report::toString);
    }

    @Test
    void freeRecordNewerThanTheSnapshotIsCaught() {
        LeafPage leaf = surgery.leafAlong(surgery.meta.freeDb().rootPage, -1);
        int node = leaf.slotCount() - 1;
        long newer = surgery.meta.txnId() + 5;
        MemorySegment.copy(MemorySegment.ofArray(ByteBuffer.allocate(8).putLong(newer).array()), 0,
                leaf.segment(), leaf.keyOffset(node), 8);
        surgery.save(leaf);

        assertOnlyProblem(surgery.reopenAndCheck(), "free-page record of txn " + newer + ", newer than the"
                + " snapshot's " + surgery.meta.txnId());
    }

    // ---- meta pages ----

    @Test
    void invalidNewestMetaIsAProblem() {
        try (Env env = Env.open(directory, FileSurgery.CONFIG)) {
            long slot = surgery.meta.txnId() % 2;
            surgery.saveUnsealed(slot, MemorySegment.ofArray(new byte[FileSurgery.PAGE_SIZE]));

            assertOnlyProblem(Checker.check(env), "the snapshot's meta page is invalid: meta page " + slot
                    + " has no Larch magic number");
            try (Txn txn = env.txnRead()) {
                assertOnlyProblem(Checker.check(txn), "the snapshot's meta page is invalid");
            }
        }
    }

    @Test
    void tornOlderMetaIsOnlyAWarning() {
        long olderSlot = (surgery.meta.txnId() + 1) % 2;
        MemorySegment older = surgery.raw(olderSlot, 1);
        flipByte(older, 200);
        surgery.saveUnsealed(olderSlot, older);

        CheckReport report = surgery.reopenAndCheck();
        report.assertOk();
        assertEquals(1, report.warnings().size(), report::toString);
        assertTrue(report.warnings().getFirst().contains("meta page " + olderSlot + " fails its checksum"),
                report::toString);
    }

    @Test
    void metaPageDisagreeingWithTheSnapshotIsAProblem() {
        try (Env env = Env.open(directory, FileSurgery.CONFIG)) {
            Meta meta = surgery.meta;
            surgery.saveMeta(new Meta(meta.pageSize(), meta.maxSizeBytes(), meta.txnId(), meta.lastPage() + 1,
                    meta.freeDb(), meta.mainDb()));

            assertOnlyProblem(Checker.check(env), "meta page " + meta.txnId() % 2 + ": last page is "
                    + (meta.lastPage() + 1) + " in the file but " + meta.lastPage() + " in the snapshot");
        }
    }

    @Test
    void metaPageOlderThanTheSnapshotIsAProblem() {
        try (Env env = Env.open(directory, FileSurgery.CONFIG)) {
            Meta meta = surgery.meta;
            surgery.saveMeta(new Meta(meta.pageSize(), meta.maxSizeBytes(), meta.txnId() - 2, meta.lastPage(),
                    meta.freeDb(), meta.mainDb()));

            assertOnlyProblem(Checker.check(env), "holds txn " + (meta.txnId() - 2) + ", older than the snapshot's");
        }
    }

    // ---- helpers ----

    private static void assertOnlyProblem(CheckReport report, String expected) {
        assertFalse(report.ok(), report::toString);
        assertEquals(1, report.problems().size(), report::toString);
        assertProblem(report, expected);
    }

    private static void assertProblem(CheckReport report, String expected) {
        assertTrue(report.problems().stream().anyMatch(problem -> problem.contains(expected)),
                () -> "no problem containing \"" + expected + "\" in\n" + report);
    }

    private static void flipByte(MemorySegment page, long offset) {
        page.set(ValueLayout.JAVA_BYTE, offset, (byte) ~page.get(ValueLayout.JAVA_BYTE, offset));
    }

    /** Changes a key's first byte, and the copy of it its slot keeps, so that only the key order is wrong. */
    private static void setFirstKeyByte(Page page, int index, char value) {
        page.segment().set(ValueLayout.JAVA_BYTE, page.keyOffset(index), (byte) value);
        page.segment().set(ValueLayout.JAVA_BYTE,
                PageHeader.SIZE + (long) index * PageHeader.SLOT_SIZE + PageHeader.SLOT_KEY_PREFIX, (byte) value);
    }

    /** Makes a branch or leaf page hold no nodes. */
    private static void empty(MemorySegment page) {
        Bytes.putU16(page, FileSurgery.SLOT_COUNT_OFFSET, 0);
        Bytes.putU16(page, FileSurgery.UPPER_OFFSET, FileSurgery.PAGE_SIZE);
    }

    private static long freeRecordTxn(LeafPage leaf, int node) {
        return leaf.key(node).asByteBuffer().getLong(0);
    }

    private static long freePage(LeafPage leaf, int node, int position) {
        assertFalse(leaf.isBig(node), "the free-page record is inline");
        return Bytes.u64(leaf.segment(), leaf.valueOffset(node) + (long) position * Long.BYTES);
    }

    private static void setFreePage(LeafPage leaf, int node, int position, long pageNumber) {
        Bytes.putU64(leaf.segment(), leaf.valueOffset(node) + (long) position * Long.BYTES, pageNumber);
    }
}
