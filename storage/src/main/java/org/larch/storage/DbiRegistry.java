package org.larch.storage;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.larch.storage.btree.Tree;
import org.larch.storage.btree.TreeCursor;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;

/**
 * The open database handles of an environment, by name and by id. Id 1 is the unnamed database (the
 * main tree); named databases get ids from 2 as they are first opened. A named database is a
 * {@link LeafPage#SUBDB} node of the main tree whose value is its {@link DbRecord}.
 */
final class DbiRegistry {
    static final int MAIN_ID = 1;

    private final Env env;
    private final int maxDbs;
    private final Map<String, Dbi> byName = new HashMap<>();
    private final Dbi main;
    private int nextId = MAIN_ID + 1;

    DbiRegistry(Env env, int maxDbs) {
        this.env = env;
        this.maxDbs = maxDbs;
        this.main = new Dbi(env, MAIN_ID, null, 0, KeyComparator.LEXICOGRAPHIC, KeyComparator.LEXICOGRAPHIC);
    }

    Dbi main() {
        return main;
    }

    synchronized Dbi open(Txn txn, String name, KeyComparator customOrder, DbiFlag[] flags) {
        int stored = DbiFlag.storedBits(flags);
        if (name == null) {
            if (stored != 0 || customOrder != null) {
                throw new IncompatibleException("the unnamed database holds the named ones: it takes no flags");
            }
            return main;
        }
        Dbi open = byName.get(name);
        if (open != null) {
            checkFlags(name, open.storedFlags(), stored);
            if (!txn.isReadOnly() && txn.droppedHere(open)) {
                if (!DbiFlag.contains(flags, DbiFlag.CREATE)) {
                    throw new NotFoundException("database '" + name + "' was dropped in this transaction");
                }
                txn.recreateDatabase(open);
            }
            return open;
        }
        int found = new Tree(txn.pages(), txn.mainRecord(), KeyComparator.LEXICOGRAPHIC).flags(nameKey(name));
        boolean create = found < 0;
        if (create && !DbiFlag.contains(flags, DbiFlag.CREATE)) {
            throw new NotFoundException("database '" + name + "' does not exist");
        }
        if (!create && (found & LeafPage.SUBDB) == 0) {
            throw new IncompatibleException("key '" + name + "' of the unnamed database holds data, not a database");
        }
        int actual = create ? stored : txn.loadRecordBytes(nameKey(name)).flags;
        if (!create) {
            checkFlags(name, actual, stored);
        }
        if (byName.size() >= maxDbs) {
            throw new DbsFullException("already " + maxDbs + " named databases open: raise maxdbs");
        }
        KeyComparator order = customOrder != null ? customOrder : KeyComparator.forKeys(actual);
        Dbi dbi = new Dbi(env, nextId++, name, actual, order, KeyComparator.forValues(actual));
        if (create) {
            txn.createDatabase(dbi);
        }
        byName.put(name, dbi);
        return dbi;
    }

    synchronized void forget(Dbi dbi) {
        byName.remove(dbi.name(), dbi);
    }

    /** Names of the named databases in {@code txn}'s snapshot. */
    List<String> names(Txn txn) {
        List<String> names = new ArrayList<>();
        TreeCursor cursor = new TreeCursor(txn.pages(), txn.mainRecord(), KeyComparator.LEXICOGRAPHIC);
        for (boolean more = cursor.first(); more; more = cursor.next()) {
            if ((cursor.nodeFlags() & LeafPage.SUBDB) != 0) {
                names.add(new String(cursor.keyBytes(), StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    static MemorySegment nameKey(String name) {
        return MemorySegment.ofArray(name.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkFlags(String name, int actual, int requested) {
        if (requested != 0 && requested != actual) {
            throw new IncompatibleException("database '" + name + "' has flags " + actual + ", opened with "
                    + requested);
        }
    }
}
