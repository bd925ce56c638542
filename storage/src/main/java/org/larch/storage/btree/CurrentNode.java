package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import org.larch.storage.ByteView;
import org.larch.storage.page.LeafPage;

/**
 * Where the node a read-transaction cursor stands on lies in its leaf's segment, noted once per move
 * so that reading its key and value needs no second look at the page's slots. Only for pages that
 * cannot change while the cursor stands on them.
 */
final class CurrentNode {
    private MemorySegment segment;
    private long keyOffset;
    private int keyLength;
    private int flags;
    private int valueLength;

    void noteAt(LeafPage leaf, int index) {
        segment = leaf.segment();
        long node = leaf.nodeAddress(index);
        keyOffset = node + LeafPage.NODE_HEADER;
        keyLength = LeafPage.nodeKeyLength(segment, node);
        flags = LeafPage.nodeFlags(segment, node);
        valueLength = (int) LeafPage.nodeValueLength(segment, node);
    }

    MemorySegment key() {
        return segment.asSlice(keyOffset, keyLength);
    }

    /** Points {@code view} at the node's key. */
    void keyInto(ByteView view) {
        view.set(segment, keyOffset, keyLength);
    }

    /** Points {@code view} at the node's value stored in the leaf; not for {@link LeafPage#BIGDATA} nodes. */
    void inlineValueInto(ByteView view) {
        view.set(segment, keyOffset + keyLength, Integer.toUnsignedLong(valueLength));
    }

    int flags() {
        return flags;
    }

    boolean isBig() {
        return (flags & LeafPage.BIGDATA) != 0;
    }

    /** The node's value stored in the leaf; not for {@link LeafPage#BIGDATA} nodes. */
    MemorySegment inlineValue() {
        return segment.asSlice(keyOffset + keyLength, Integer.toUnsignedLong(valueLength));
    }
}
