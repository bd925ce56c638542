package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.Txn;
import org.larch.storage.btree.Tree;
import org.larch.storage.env.Snapshot;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Meta;
import org.larch.storage.page.MetaPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;

/**
 * A sound environment built for corruption tests, then closed, with what is needed to find its pages
 * and to edit its data file page by page (raw bytes at {@code pageNumber * pageSize}). Database
 * "data" holds 3000 small entries in a tree of depth 3 (1 KiB pages), then big values under keys
 * "zbig0".."zbig4"; database "other" a few entries; several commits leave free-page records.
 */
final class FileSurgery implements AutoCloseable {
    static final EnvConfig CONFIG = EnvConfig.defaults().withPageSize(1024).withFlags(EnvFlag.NOSYNC);
    static final int PAGE_SIZE = 1024;
    /** Offsets of the {@link PageHeader} table's slotCount and upper fields. */
    static final int SLOT_COUNT_OFFSET = 14;
    static final int UPPER_OFFSET = 16;

    final Path directory;
    final Meta meta;
    final DbRecord data;
    private final FileChannel channel;

    private FileSurgery(Path directory, Meta meta, DbRecord data) {
        this.directory = directory;
        this.meta = meta;
        this.data = data;
        try {
            this.channel = FileChannel.open(directory.resolve(Env.DATA_FILE), StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileSurgery build(Path directory) {
        try (Env env = Env.open(directory, CONFIG)) {
            Dbi data = env.openDbi("data", DbiFlag.CREATE);
            Dbi other = env.openDbi("other", DbiFlag.CREATE);
            for (int batch = 0; batch < 6; batch++) {
                try (Txn txn = env.txnWrite()) {
                    for (int i = batch * 500; i < batch * 500 + 500; i++) {
                        data.put(txn, bytes(String.format("key%05d", i)), bytes("value of " + i));
                    }
                    other.put(txn, bytes("other" + batch), bytes("x"));
                    txn.commit();
                }
            }
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 5; i++) {
                    data.put(txn, bytes("zbig" + i), new byte[3000 + i]);
                }
                for (int i = 0; i < 3000; i += 97) {
                    data.delete(txn, bytes(String.format("key%05d", i)));
                }
                txn.commit();
            }
            Checker.check(env).assertOk();
            return new FileSurgery(directory, env);
        }
    }

    private FileSurgery(Path directory, Env env) {
        this(directory, snapshotMeta(env), namedRecord(env, "data"));
    }

    /** Opens the environment again and checks it. */
    CheckReport reopenAndCheck() {
        try (Env env = Env.open(directory, CONFIG)) {
            return Checker.check(env);
        }
    }

    /** A writable copy of branch or leaf page {@code pageNumber}; {@link #save} writes it back. */
    Page page(long pageNumber) {
        return Page.wrap(raw(pageNumber, 1), 0, PAGE_SIZE, pageNumber, true);
    }

    /** A copy of {@code pages} pages from {@code pageNumber}. */
    MemorySegment raw(long pageNumber, int pages) {
        ByteBuffer bytes = ByteBuffer.allocate(pages * PAGE_SIZE);
        try {
            channel.read(bytes, pageNumber * PAGE_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return MemorySegment.ofArray(bytes.array());
    }

    /** Seals (recomputes the checksum of) a page or run and writes it back. */
    void save(Page page) {
        saveSealed(page.number(), page.segment());
    }

    void saveSealed(long pageNumber, MemorySegment bytes) {
        PageHeader.seal(bytes, 0, bytes.byteSize());
        saveUnsealed(pageNumber, bytes);
    }

    /** Writes bytes back as they are: the checksum no longer matches if they changed. */
    void saveUnsealed(long pageNumber, MemorySegment bytes) {
        try {
            channel.write(bytes.asByteBuffer(), pageNumber * PAGE_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code changed} into the meta slot of its txn, as a commit would. */
    void saveMeta(Meta changed) {
        MemorySegment page = MemorySegment.ofArray(new byte[PAGE_SIZE]);
        MetaPage.write(page, changed.txnId() % 2, changed);
        saveUnsealed(changed.txnId() % 2, page);
    }

    /** The leaf reached by always taking child {@code childIndex} (-1: the last) from {@code root}. */
    LeafPage leafAlong(long root, int childIndex) {
        Page page = page(root);
        while (page instanceof BranchPage branch) {
            page = page(branch.child(childIndex < 0 ? branch.slotCount() - 1 : childIndex));
        }
        return (LeafPage) page;
    }

    /** The first node of the data tree's last leaf that holds a big value. */
    int firstBigNode(LeafPage leaf) {
        for (int index = 0; index < leaf.slotCount(); index++) {
            if (leaf.isBig(index)) {
                return index;
            }
        }
        throw new AssertionError("no big value on page " + leaf.number());
    }

    /** The main-tree leaf holding database {@code name}'s node, and that node's index. */
    record NodeAt(LeafPage leaf, int index) {
    }

    NodeAt databaseNode(String name) {
        assertEquals(1, meta.mainDb().depth, "the main tree is one leaf");
        LeafPage leaf = (LeafPage) page(meta.mainDb().rootPage);
        MemorySegment key = MemorySegment.ofArray(bytes(name));
        int index = leaf.search(key, 0, (int) key.byteSize(), KeyComparator.LEXICOGRAPHIC);
        assertTrue(index >= 0);
        return new NodeAt(leaf, index);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Meta snapshotMeta(Env env) {
        try (Txn txn = env.txnRead()) {
            Meta meta = txn.snapshotForTools().meta();
            assertEquals(3, namedRecord(env, "data").depth, "the data tree has depth 3");
            assertTrue(meta.freeDb().entries > 0, "there are free-page records");
            return meta;
        }
    }

    private static DbRecord namedRecord(Env env, String name) {
        try (Txn txn = env.txnRead()) {
            Snapshot snapshot = txn.snapshotForTools();
            MemorySegment value = new Tree(snapshot.pages(), snapshot.meta().mainDb(), KeyComparator.LEXICOGRAPHIC)
                    .get(MemorySegment.ofArray(bytes(name)));
            return DbRecord.decode(value, 0);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
