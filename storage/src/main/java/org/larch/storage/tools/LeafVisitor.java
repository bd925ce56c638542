package org.larch.storage.tools;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.LeafPage;

/** Looks at each leaf node a {@link TreeWalk} reaches, to check what the tree's values mean. */
@FunctionalInterface
interface LeafVisitor {
    /** Values mean nothing to the check. */
    LeafVisitor NONE = (leaf, index, value, where) -> {
    };

    /**
     * Sees node {@code index} of {@code leaf}. {@code value} is the inline value or that of the node's
     * overflow run; null when the run is unusable (already reported). {@code where} names the node.
     */
    void visit(LeafPage leaf, int index, MemorySegment value, String where);
}
