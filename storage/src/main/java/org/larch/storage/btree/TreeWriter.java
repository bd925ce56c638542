package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import org.larch.storage.IncompatibleException;
import org.larch.storage.KeyExistsException;
import org.larch.storage.BadValueSizeException;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.OverflowPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.SearchKey;

/**
 * Changes one B+tree inside a write transaction: every change copies the path from the root to the
 * leaf it touches (copy-on-write), then inserts, replaces or removes a node there, splitting or
 * rebalancing as needed. The descriptor {@code db} is updated in place.
 */
public final class TreeWriter {
    private static final MemorySegment EMPTY_VALUE = MemorySegment.ofArray(new byte[0]);
    private final PageStore store;
    private final DbRecord db;
    private final KeyComparator order;
    private final Tree tree;
    private final PageSplitter splitter;
    private final TreeRebalancer rebalancer;
    private final TreePath path = new TreePath();
    /** Whether {@link #path} can serve the next change without a descent from the root. */
    private final WritePosition position;
    /** The modification count at which {@link #path} ends at the tree's last leaf, ready for an append. */
    private long appendReadyAt = -1;
    /** Whether {@link #path} is where {@link #find} left it: no change by this writer since. */
    private boolean found;

    public TreeWriter(PageStore store, DbRecord db, KeyComparator order) {
        this.store = store;
        this.db = db;
        this.order = order;
        this.tree = new Tree(store, db, order);
        this.splitter = new PageSplitter(store, db);
        this.rebalancer = new TreeRebalancer(store, db, splitter);
        this.position = new WritePosition(store, db);
    }

    /** How a put treats an existing key and the order of keys. */
    public enum Mode {
        /** Insert, or replace the value of an existing key. */
        UPSERT,
        /** Insert only: an existing key is left alone and the put reports false. */
        NO_OVERWRITE,
        /** Insert a key greater than every key in the tree, filling pages completely. */
        APPEND
    }

    /**
     * Stores {@code value} under {@code key}, as a node with {@code nodeFlags} (e.g. SUBDB). Returns
     * false when {@link Mode#NO_OVERWRITE} found the key.
     */
    public boolean put(MemorySegment key, MemorySegment value, int nodeFlags, Mode mode) {
        checkKey(key);
        found = false;
        if (mode == Mode.APPEND && appendInPlace(key, value, nodeFlags)) {
            return true;
        }
        store.markModified();
        if (db.isEmpty()) {
            startTree();
        }
        tree.descend(key, path, position);
        return putAtPath(key, value, nodeFlags, mode);
    }

    /**
     * Descends to where {@code key} is or would go, for a {@link #putFound} that follows: a caller that
     * must read the node before it decides what to write descends once instead of twice. The returned
     * path (empty when the tree is) is this writer's: read it, do not change it.
     */
    public TreePath find(MemorySegment key) {
        checkKey(key);
        tree.descend(key, path, position);
        found = true;
        return path;
    }

    /**
     * {@link #put} of the key {@link #find} looked for last, through the path it found, without
     * descending again. Changes to other trees of the transaction may come in between (a DUPSORT
     * key's nested tree), changes to this one may not: this writer refuses when it made one itself,
     * and other writers of the same tree must not.
     */
    public boolean putFound(MemorySegment key, MemorySegment value, int nodeFlags, Mode mode) {
        if (!found) {
            throw new IllegalStateException("putFound without a find, or after this writer changed the tree");
        }
        store.markModified();
        if (db.isEmpty()) {
            startTree();
            tree.descend(key, path, position);
        }
        return putAtPath(key, value, nodeFlags, mode);
    }

    /** The put once {@link #path} leads to the key's place. */
    private boolean putAtPath(MemorySegment key, MemorySegment value, int nodeFlags, Mode mode) {
        found = false;
        int index = path.leafIndex();
        boolean exists = index >= 0;
        if (exists && mode == Mode.NO_OVERWRITE) {
            return false;
        }
        if (mode == Mode.APPEND && (exists || !atEndOfTree(-index - 1))) {
            throw new KeyExistsException("APPEND put of a key that is not greater than every key in the database");
        }
        if (exists) {
            checkSameKind(path.leaf().flags(index), nodeFlags);
        }
        touchPath();
        LeafPage leaf = path.leaf();
        if (exists && (leaf.overwriteInlineValue(index, nodeFlags, value) || rewriteOwnOverflow(leaf, index, key, value))) {
            appendReadyAt = -1;
            position.remember(path);
            return true;
        }
        int insertAt;
        if (exists) {
            freeValue(leaf, index);
            leaf.removeRaw(index);
            insertAt = index;
        } else {
            insertAt = -index - 1;
            db.entries++;
        }
        boolean fits = insertInPlace(leaf, insertAt, key, value, nodeFlags);
        if (fits) {
            position.remember(path);
        } else {
            position.forget();
            splitter.insert(path, path.leafLevel(), insertAt, encode(key, value, nodeFlags), mode == Mode.APPEND);
        }
        appendReadyAt = mode == Mode.APPEND && fits ? store.modificationCount() : -1;
        return true;
    }

    /** Inserts an inline node that fits its leaf, encoded in place; false (nothing done) otherwise. */
    private boolean insertInPlace(LeafPage leaf, int index, MemorySegment key, MemorySegment value, int nodeFlags) {
        int keyLength = (int) key.byteSize();
        long valueLength = value.byteSize();
        if (NodeLimits.needsOverflow(keyLength, valueLength, store.pageSize())
                || !leaf.fits(LeafPage.nodeSize(keyLength, (int) valueLength))) {
            return false;
        }
        leaf.insertInline(index, key, nodeFlags, value);
        return true;
    }

    /** The descriptor this writer changes. */
    public DbRecord record() {
        return db;
    }

    /**
     * The fast path of a sorted load: when nothing changed since the last append, which left the path
     * on the tree's last leaf (already this transaction's own), a greater key that fits there is added
     * without descending the tree again. Anything else takes the general path.
     */
    private boolean appendInPlace(MemorySegment key, MemorySegment value, int nodeFlags) {
        if (appendReadyAt != store.modificationCount()) {
            return false;
        }
        LeafPage leaf = path.leaf();
        int count = leaf.slotCount();
        int keyLength = (int) key.byteSize();
        long valueLength = value.byteSize();
        if (count == 0 || NodeLimits.needsOverflow(keyLength, valueLength, store.pageSize())
                || !leaf.fits(LeafPage.nodeSize(keyLength, (int) valueLength))
                || !followsNode(leaf, count - 1, key, keyLength)) {
            return false;
        }
        store.markModified();
        leaf.insertInline(count, key, nodeFlags, value);
        db.entries++;
        appendReadyAt = store.modificationCount();
        return true;
    }

    /**
     * Appends {@code count} keys of {@code size} bytes packed in {@code keys} from key {@code from} on,
     * each with an empty value (a nested tree's nodes), as {@link Mode#APPEND} puts would, one by one:
     * each must be greater than every key in the tree. While the path stands on the tree's last leaf
     * they are added there in place, without a put each; a full leaf takes one put, which splits it.
     */
    public void appendKeys(MemorySegment keys, int size, int from, int count) {
        checkKeyLength(size);
        int end = from + count;
        for (int next = from; next < end; ) {
            next += appendKeysInPlace(keys, size, next, end);
            if (next < end) {
                put(keys.asSlice((long) next * size, size), EMPTY_VALUE, 0, Mode.APPEND);
                next++;
            }
        }
    }

    /** Keys {@code [from, end)} of {@link #appendKeys} that fit the last leaf, added there; returns how many. */
    private int appendKeysInPlace(MemorySegment keys, int size, int from, int end) {
        if (appendReadyAt != store.modificationCount() || NodeLimits.needsOverflow(size, 0, store.pageSize())) {
            return 0;
        }
        found = false;
        store.markModified();
        LeafPage leaf = path.leaf();
        int nodeSize = LeafPage.nodeSize(size, 0);
        int next = from;
        for (int count = leaf.slotCount(); next < end && count > 0 && leaf.fits(nodeSize); next++, count++) {
            long offset = (long) next * size;
            if (!followsNode(leaf, count - 1, keys, offset, size)) {
                break;
            }
            leaf.insertKeyOnly(count, keys, offset, size);
            db.entries++;
        }
        appendReadyAt = store.modificationCount();
        return next - from;
    }

    /**
     * Whether {@code key} sorts after node {@code index} of {@code leaf}. In lexicographic order the
     * slot's key prefix decides when it differs from the key's, without reading the node.
     */
    private boolean followsNode(LeafPage leaf, int index, MemorySegment key, int keyLength) {
        return followsNode(leaf, index, key, 0, keyLength);
    }

    /** {@link #followsNode(LeafPage, int, MemorySegment, int)} for the key at {@code keyOffset} of {@code keys}. */
    private boolean followsNode(LeafPage leaf, int index, MemorySegment keys, long keyOffset, int keyLength) {
        if (order == KeyComparator.LEXICOGRAPHIC) {
            int byPrefix = Integer.compareUnsigned(SearchKey.prefixOf(keys, keyOffset, keyLength), leaf.slotPrefix(index));
            if (byPrefix != 0) {
                return byPrefix > 0;
            }
        }
        return leaf.compareKey(index, keys, keyOffset, keyLength, order) < 0;
    }

    /**
     * Stores a value of {@code valueLength} bytes for the caller to fill; returns the writable value
     * area, valid until the next change in this transaction.
     */
    public MemorySegment reserve(MemorySegment key, int valueLength) {
        put(key, MemorySegment.ofArray(new byte[valueLength]), 0, Mode.UPSERT);
        tree.descend(key, path, position);
        LeafPage leaf = path.leaf();
        int index = path.leafIndex();
        if (leaf.isBig(index)) {
            return store.writableOverflow(leaf.overflowPage(index), valueLength);
        }
        return leaf.inlineValue(index);
    }

    /** Removes {@code key}; false when it was not there. */
    public boolean delete(MemorySegment key, int requiredFlags) {
        appendReadyAt = -1;
        found = false;
        if (!tree.descend(key, path, position) || path.leafIndex() < 0) {
            return false;
        }
        checkSameKind(path.leaf().flags(path.leafIndex()), requiredFlags);
        store.markModified();
        store.markLayoutChanged();
        position.forget();
        touchPath();
        LeafPage leaf = path.leaf();
        int index = path.leafIndex();
        freeValue(leaf, index);
        leaf.removeRaw(index);
        db.entries--;
        rebalancer.rebalance(path, path.leafLevel());
        return true;
    }

    /** Frees every page of the tree and empties it. */
    public void dropAll() {
        found = false;
        position.forget();
        store.markLayoutChanged();
        store.markModified();
        if (!db.isEmpty()) {
            freeSubtree(db.rootPage);
        }
        db.clear();
    }

    private void freeSubtree(long pageNumber) {
        Page page = store.page(pageNumber);
        if (page instanceof BranchPage branch) {
            for (int i = 0; i < branch.slotCount(); i++) {
                freeSubtree(branch.child(i));
            }
        } else if (page instanceof LeafPage leaf) {
            for (int i = 0; i < leaf.slotCount(); i++) {
                if (leaf.isBig(i)) {
                    long first = leaf.overflowPage(i);
                    store.freeOverflow(first, store.overflowPages(first));
                } else if (leaf.holdsNestedTree(i)) {
                    long nestedRoot = DbRecord.decode(leaf.inlineValue(i), 0).rootPage;
                    if (nestedRoot != 0) {
                        freeSubtree(nestedRoot);
                    }
                }
            }
        }
        store.freePage(pageNumber);
    }

    private void checkKey(MemorySegment key) {
        checkKeyLength(key.byteSize());
    }

    private void checkKeyLength(long length) {
        int max = NodeLimits.maxKeySize(store.pageSize());
        if (length == 0 || length > max) {
            throw new BadValueSizeException("key of " + length + " bytes: keys must have 1 to " + max + " bytes");
        }
    }

    /** A key naming a database and a key holding data are not interchangeable (duplicates aside). */
    private static void checkSameKind(int existingFlags, int newFlags) {
        if (((existingFlags | newFlags) & LeafPage.DUPDATA) != 0) {
            return;
        }
        if ((existingFlags & LeafPage.SUBDB) != (newFlags & LeafPage.SUBDB)) {
            throw new IncompatibleException((existingFlags & LeafPage.SUBDB) != 0
                    ? "the key names a database and cannot be used as data"
                    : "the key holds data and cannot name a database");
        }
    }

    private void startTree() {
        LeafPage root = store.newLeaf();
        db.rootPage = root.number();
        db.depth = 1;
        db.leafPages = 1;
    }

    private boolean atEndOfTree(int leafInsertionPoint) {
        for (int level = 0; level < path.leafLevel(); level++) {
            if (path.index(level) != path.page(level).slotCount() - 1) {
                return false;
            }
        }
        return leafInsertionPoint == path.leaf().slotCount();
    }

    /** Makes every page of the path this transaction's own, relinking parents to the copies. */
    private void touchPath() {
        for (int level = 0; level < path.depth(); level++) {
            Page page = path.page(level);
            Page touched = store.touch(page);
            if (touched == page) {
                continue;
            }
            path.setPage(level, touched);
            if (level == 0) {
                db.rootPage = touched.number();
            } else {
                ((BranchPage) path.page(level - 1)).setChild(path.index(level - 1), touched.number());
            }
        }
    }

    private byte[] encode(MemorySegment key, MemorySegment value, int nodeFlags) {
        long valueLength = value.byteSize();
        if (!NodeLimits.needsOverflow((int) key.byteSize(), valueLength, store.pageSize())) {
            return LeafPage.encode(key, nodeFlags, value);
        }
        long first = store.newOverflow(valueLength);
        MemorySegment.copy(value, 0, store.writableOverflow(first, valueLength), 0, valueLength);
        db.overflowPages += OverflowPage.pagesFor(valueLength, store.pageSize());
        return LeafPage.encodeBig(key, nodeFlags, valueLength, first);
    }

    /**
     * Writes a new big value into the overflow run of the old one when this transaction made that run
     * and it is large enough: no page is freed or taken.
     */
    private boolean rewriteOwnOverflow(LeafPage leaf, int index, MemorySegment key, MemorySegment value) {
        long valueLength = value.byteSize();
        if (!leaf.isBig(index) || !NodeLimits.needsOverflow((int) key.byteSize(), valueLength, store.pageSize())) {
            return false;
        }
        long first = leaf.overflowPage(index);
        if (!store.owns(first) || OverflowPage.pagesFor(valueLength, store.pageSize()) > store.overflowPages(first)) {
            return false;
        }
        MemorySegment.copy(value, 0, store.writableOverflow(first, valueLength), 0, valueLength);
        leaf.setBigValueLength(index, valueLength);
        return true;
    }

    private void freeValue(LeafPage leaf, int index) {
        if (leaf.isBig(index)) {
            long first = leaf.overflowPage(index);
            int pages = store.overflowPages(first);
            store.freeOverflow(first, pages);
            db.overflowPages -= pages;
        }
    }
}
