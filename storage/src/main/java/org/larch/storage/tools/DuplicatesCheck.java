package org.larch.storage.tools;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.SubPage;

/**
 * Checks the values of one key of a DUPSORT database: an inline {@link SubPage} (at least two values,
 * strictly ascending in the database's value order, each inside the sub-page, all of one size for
 * DUPFIXED) or a nested tree, walked like any tree (pages claimed, key order, counts).
 */
final class DuplicatesCheck {
    private final CheckContext context;
    private final String databaseName;
    private final KeyComparator valueOrder;
    private final boolean fixedSize;

    DuplicatesCheck(CheckContext context, String databaseName, KeyComparator valueOrder, boolean fixedSize) {
        this.context = context;
        this.databaseName = databaseName;
        this.valueOrder = valueOrder;
        this.fixedSize = fixedSize;
    }

    /** Checks node {@code index}'s values; returns how many there are. */
    long check(LeafPage leaf, int index, String where) {
        MemorySegment value = leaf.inlineValue(index);
        if ((leaf.flags(index) & LeafPage.SUBDB) != 0) {
            return checkNested(value, where);
        }
        return checkInline(value, where);
    }

    private long checkNested(MemorySegment value, String where) {
        if (value.byteSize() != DbRecord.SIZE) {
            context.findings().problem(where + ": nested tree descriptor of " + value.byteSize() + " bytes");
            return 0;
        }
        DbRecord record = DbRecord.decode(value, 0);
        if (record.entries < 2) {
            context.findings().problem(where + ": nested tree of " + record.entries + " values (fewer than 2)");
        }
        TreeWalk walk = new TreeWalk(context, databaseName + " values of " + where, valueOrder, LeafVisitor.NONE);
        return walk.walk(record).entries();
    }

    private long checkInline(MemorySegment subPage, String where) {
        int count = SubPage.count(subPage);
        if (count < 2) {
            context.findings().problem(where + ": inline values: " + count + " (fewer than 2)");
        }
        if (fixedSize != (SubPage.fixedSize(subPage) > 0)) {
            context.findings().problem(where + ": inline values " + (fixedSize ? "not " : "") + "packed by size, "
                    + "though the database is " + (fixedSize ? "" : "not ") + "DUPFIXED");
        }
        for (int i = 0; i < count; i++) {
            long offset = SubPage.valueOffset(subPage, i);
            int length = SubPage.valueLength(subPage, i);
            if (offset < 4 || length == 0 || offset + length > subPage.byteSize()) {
                context.findings().problem(where + ": inline value " + i + " lies outside its sub-page");
                return count;
            }
            if (i > 0 && valueOrder.compare(subPage, SubPage.valueOffset(subPage, i - 1),
                    SubPage.valueLength(subPage, i - 1), subPage, offset, length) >= 0) {
                context.findings().problem(where + ": inline value " + i + " is not greater than value " + (i - 1));
            }
        }
        return count;
    }
}
