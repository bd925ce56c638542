package org.larch.storage.tools;

import org.larch.storage.DbiFlag;
import org.larch.storage.page.KeyComparator;

/**
 * The key order a database's stored flags choose, as the engine chooses it when opening the database
 * ({@code DbiRegistry.orderFor}, which is not visible here). A custom comparator is not stored: the
 * checker's caller passes it by database name.
 */
final class StoredOrder {
    private StoredOrder() {
    }

    static KeyComparator of(int storedFlags) {
        if ((storedFlags & DbiFlag.INTEGERKEY.bits) != 0) {
            return KeyComparator.INTEGER;
        }
        if ((storedFlags & DbiFlag.REVERSEKEY.bits) != 0) {
            return KeyComparator.REVERSE;
        }
        return KeyComparator.LEXICOGRAPHIC;
    }
}
