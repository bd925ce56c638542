package org.larch.storage;

import java.lang.foreign.ValueLayout;
import java.util.Comparator;
import org.larch.storage.page.KeyComparator;

/** Lets a caller's {@code Comparator<byte[]>} order keys: it sees copies of both keys. */
final class ComparatorAdapter {
    private ComparatorAdapter() {
    }

    static KeyComparator of(Comparator<byte[]> order) {
        return (a, aOffset, aLength, b, bOffset, bLength) -> order.compare(
                a.asSlice(aOffset, aLength).toArray(ValueLayout.JAVA_BYTE),
                b.asSlice(bOffset, bLength).toArray(ValueLayout.JAVA_BYTE));
    }
}
