package org.larch.storage.tools;

import java.lang.foreign.MemorySegment;
import java.util.Locale;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;
import org.larch.storage.page.PageKind;
import org.larch.storage.page.SearchKey;

/**
 * Reads a page a tree points to and checks what the page says of itself: its number, its checksum,
 * its kind (branch or leaf), the layout of its slots and nodes, and the key prefix each slot keeps
 * (a wrong one would silently misdirect searches). Problems are reported; a page too damaged to walk
 * comes back null.
 */
final class TreePageCheck {
    private TreePageCheck() {
    }

    static Page read(CheckContext context, long pageNumber, String where) {
        MemorySegment raw = context.pages().raw(pageNumber, 1);
        checkHeader(context, raw, pageNumber, where);
        int kind = PageHeader.kindCode(raw, 0);
        if (kind != PageKind.BRANCH.code && kind != PageKind.LEAF.code) {
            context.findings().problem(where + ": kind " + kindName(kind) + " where a branch or leaf page belongs");
            return null;
        }
        Page page = Page.wrap(raw, 0, context.pageSize(), pageNumber, false);
        String layoutProblem = layoutProblem(page);
        if (layoutProblem != null) {
            context.findings().problem(where + ": " + layoutProblem);
            return null;
        }
        checkSlotPrefixes(context, page, where);
        return page;
    }

    /** Reports the slots whose key prefix is not their key's first bytes: the first of them, and how many. */
    private static void checkSlotPrefixes(CheckContext context, Page page, String where) {
        int wrong = 0;
        int first = -1;
        for (int index = 0; index < page.slotCount(); index++) {
            if (page.slotPrefix(index) != expectedPrefix(page, index)) {
                wrong++;
                first = first < 0 ? index : first;
            }
        }
        if (wrong > 0) {
            context.findings().problem(where + ": slot " + first + " keeps key prefix "
                    + hex(page.slotPrefix(first)) + " where its key begins " + hex(expectedPrefix(page, first))
                    + " (" + wrong + " slot" + (wrong == 1 ? "" : "s") + " with a wrong prefix)");
        }
    }

    private static int expectedPrefix(Page page, int index) {
        return SearchKey.prefixOf(page.segment(), page.keyOffset(index), page.keyLength(index));
    }

    private static String hex(int prefix) {
        return String.format(Locale.ROOT, "%08x", prefix);
    }

    /** Checks the number and checksum of a page (or of a run of {@code raw}'s length). */
    static void checkHeader(CheckContext context, MemorySegment raw, long pageNumber, String where) {
        long recorded = PageHeader.pageNumber(raw, 0);
        if (recorded != pageNumber) {
            context.findings().problem(where + ": header says it is page " + recorded);
        }
        if (!PageHeader.checksumHolds(raw, 0, raw.byteSize())) {
            context.findings().problem(where + ": checksum does not match the contents (stored "
                    + Integer.toHexString(PageHeader.storedChecksum(raw, 0)) + ", computed "
                    + Integer.toHexString(PageHeader.computeChecksum(raw, 0, raw.byteSize())) + ")");
        }
    }

    static String kindName(int code) {
        PageKind kind = PageKind.ofCode(code);
        return kind == null ? "code " + code : kind.name().toLowerCase(Locale.ROOT);
    }

    /** Why the slot array or a node does not fit the page, or null when all fit. */
    private static String layoutProblem(Page page) {
        int slotsEnd = PageHeader.SIZE + page.slotCount() * PageHeader.SLOT_SIZE;
        int upper = slotsEnd + page.freeBytes();
        if (page.freeBytes() < 0 || upper > page.pageSize()) {
            return page.slotCount() + " slots and node area start " + upper + " do not fit a page of "
                    + page.pageSize() + " bytes";
        }
        for (int index = 0; index < page.slotCount(); index++) {
            String nodeProblem = nodeProblem(page, index, upper);
            if (nodeProblem != null) {
                return "node " + index + " " + nodeProblem;
            }
        }
        return null;
    }

    private static String nodeProblem(Page page, int index, int upper) {
        int header = nodeHeaderSize(page);
        long start = page.keyOffset(index) - header - page.base();
        if (start < upper || start + header > page.pageSize()) {
            return "at offset " + start + " lies outside the node area " + upper + " to " + page.pageSize();
        }
        long end = start + page.nodeSize(index);
        if (end > page.pageSize() || end < start + header) {
            return "at offset " + start + " claims " + page.nodeSize(index) + " bytes, past the page's end";
        }
        return null;
    }

    private static int nodeHeaderSize(Page page) {
        return switch (page) {
            case BranchPage branch -> BranchPage.NODE_HEADER;
            case LeafPage leaf -> LeafPage.NODE_HEADER;
        };
    }
}
