package org.larch.storage.tools;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.Page;

/**
 * Checks the keys of one branch or leaf page: strictly ascending, and inside the bounds the parent's
 * separators set. A branch's node 0 stands for "everything below node 1": its key is not looked at.
 * Each kind of fault is reported once per page, by its first key, with a count of the others (a bad
 * separator puts every key below it out of bounds).
 */
final class KeyOrderCheck {
    private KeyOrderCheck() {
    }

    static void check(Page page, KeyBounds bounds, KeyComparator order, String where, Findings findings) {
        FirstOfMany unordered = new FirstOfMany();
        FirstOfMany outOfBounds = new FirstOfMany();
        MemorySegment previous = null;
        for (int index = page instanceof BranchPage ? 1 : 0; index < page.slotCount(); index++) {
            MemorySegment key = page.key(index);
            if (previous != null && KeyBounds.compare(previous, key, order) >= 0) {
                unordered.add("key " + index + " " + KeyText.of(key) + " is not greater than key " + (index - 1) + " "
                        + KeyText.of(previous));
            }
            String violation = bounds.violation(key, order);
            if (violation != null) {
                outOfBounds.add("key " + index + " " + KeyText.of(key) + " " + violation);
            }
            previous = key;
        }
        unordered.report(where, findings);
        outOfBounds.report(where, findings);
    }

    /** The first of several like faults, and how many followed it. */
    private static final class FirstOfMany {
        private String first;
        private int others;

        void add(String fault) {
            if (first == null) {
                first = fault;
            } else {
                others++;
            }
        }

        void report(String where, Findings findings) {
            if (first != null) {
                findings.problem(where + ": " + first + (others == 0 ? "" : " (and " + others + " more keys so)"));
            }
        }
    }
}
