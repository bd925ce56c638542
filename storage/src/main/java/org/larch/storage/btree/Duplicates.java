package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.SubPage;

/**
 * The values of one key of a DUPSORT database, in one of three forms: a single value (a plain node),
 * a few values inline ({@link SubPage}), or many in a nested tree whose keys are the values.
 */
sealed interface Duplicates {
    /** Number of values. */
    long count();

    record Single(byte[] value) implements Duplicates {
        @Override
        public long count() {
            return 1;
        }
    }

    record Inline(List<byte[]> values, int fixedSize) implements Duplicates {
        @Override
        public long count() {
            return values.size();
        }
    }

    record Nested(DbRecord record) implements Duplicates {
        @Override
        public long count() {
            return record.entries;
        }
    }

    /** Reads the form of node {@code index} of {@code leaf}; copies, so the page may change after. */
    static Duplicates of(PageSource pages, LeafPage leaf, int index) {
        int flags = leaf.flags(index);
        if ((flags & LeafPage.DUPDATA) == 0) {
            return new Single(Tree.value(pages, leaf, index).toArray(ValueLayout.JAVA_BYTE));
        }
        MemorySegment value = leaf.inlineValue(index);
        if ((flags & LeafPage.SUBDB) != 0) {
            return new Nested(DbRecord.decode(value, 0));
        }
        return new Inline(new ArrayList<>(SubPage.values(value)), SubPage.fixedSize(value));
    }
}
