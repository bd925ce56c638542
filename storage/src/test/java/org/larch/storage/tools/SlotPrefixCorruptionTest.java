package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;

/**
 * The key prefix a slot keeps beside its node offset must be its key's first bytes: a wrong one sends
 * binary searches the wrong way without any error, so {@link Checker} reports it. The file is edited
 * as in {@link CheckerCorruptionTest}, page resealed, so that only the prefix is wrong.
 */
class SlotPrefixCorruptionTest {
    private static final ValueLayout.OfInt BIG_ENDIAN_U32 =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    @TempDir
    Path directory;

    private FileSurgery surgery;

    @BeforeEach
    void buildSoundEnvironment() {
        surgery = FileSurgery.build(directory);
    }

    @AfterEach
    void closeFile() {
        surgery.close();
    }

    @Test
    void wrongPrefixInALeafSlotIsCaught() {
        LeafPage leaf = surgery.leafAlong(surgery.data.rootPage, 0);
        String key = new String(leaf.keyBytes(1), java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(key.startsWith("key0"), key);
        setSlotPrefix(leaf, 1, 0xFFFF_FFFF);
        surgery.save(leaf);

        assertOnlyProblem(surgery.reopenAndCheck(), "page " + leaf.number() + " of database 'data': slot 1"
                + " keeps key prefix ffffffff where its key begins 6b657930 (1 slot with a wrong prefix)");
    }

    @Test
    void wrongPrefixesInABranchAreCaughtAndCounted() {
        BranchPage root = (BranchPage) surgery.page(surgery.data.rootPage);
        setSlotPrefix(root, 0, 0x6B00_0000);
        setSlotPrefix(root, 2, 0);
        surgery.save(root);

        assertOnlyProblem(surgery.reopenAndCheck(), "page " + root.number() + " of database 'data': slot 0"
                + " keeps key prefix 6b000000 where its key begins 00000000 (2 slots with a wrong prefix)");
    }

    @Test
    void aSoundEnvironmentHasNoPrefixProblem() {
        CheckReport report = surgery.reopenAndCheck();
        assertTrue(report.ok(), report::toString);
    }

    private static void setSlotPrefix(Page page, int index, int prefix) {
        MemorySegment segment = page.segment();
        segment.set(BIG_ENDIAN_U32, PageHeader.SIZE + (long) index * PageHeader.SLOT_SIZE + PageHeader.SLOT_KEY_PREFIX,
                prefix);
        assertEquals(prefix, page.slotPrefix(index), "the edit landed in the slot's prefix");
    }

    private static void assertOnlyProblem(CheckReport report, String expected) {
        assertFalse(report.ok(), report::toString);
        assertEquals(1, report.problems().size(), report::toString);
        assertTrue(report.problems().get(0).contains(expected), () -> "expected \"" + expected + "\" in\n" + report);
    }
}
