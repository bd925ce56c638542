package org.larch.storage.env;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.larch.storage.MapFullException;
import org.larch.storage.StorageException;
import org.larch.storage.freelist.FreeListWriter;
import org.larch.storage.io.DataFile;
import org.larch.storage.io.Mapping;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.Meta;
import org.larch.storage.page.MetaPage;
import org.larch.storage.page.PageHeader;
import org.larch.storage.txn.WritePages;

/**
 * Makes a write transaction durable, in LMDB's order: record free pages, grow the file if needed,
 * write the dirty pages (sorted, neighbours gathered), sync, write the meta page into the slot of
 * the older meta, sync again. A crash before the meta write leaves the previous meta and its tree
 * untouched: no page of it was overwritten. The result is the snapshot to publish.
 *
 * <p>A failure (a full disk, an I/O error) aborts the commit and leaves the previous snapshot current.
 * If it came at or after the meta write, that meta page may still reach the disk and would point at
 * pages the next commit reuses: its slot is blanked first (as LMDB writes the old meta back), and if
 * even that fails, commits are refused until the environment is reopened.
 */
public final class Committer {
    private final DataFile file;
    private final SyncMode syncMode;
    private final long growStepBytes;
    private volatile String refusal;
    /** The write chunk of every commit (commits are serialized by the writer lock); made on first use. */
    private PageWriteBatch batch;

    public Committer(DataFile file, SyncMode syncMode, long growStepBytes) {
        this.file = file;
        this.syncMode = syncMode;
        this.growStepBytes = growStepBytes;
    }

    /** What commit syncs. */
    public enum SyncMode {
        FULL, NO_META_SYNC, NO_SYNC
    }

    public Snapshot commit(WritePages pages, long txnId, DbRecord freeDb, DbRecord mainDb, Meta previous) {
        if (refusal != null) {
            throw new StorageException(refusal);
        }
        new FreeListWriter(pages, freeDb, pages.allocator(), txnId).save();
        Meta meta = new Meta(previous.pageSize(), previous.maxSizeBytes(), txnId,
                pages.allocator().nextPage() - 1, freeDb.copy(), mainDb.copy());
        growFileFor(meta);
        writeDirtyPages(pages, txnId, meta.pageSize());
        if (syncMode != SyncMode.NO_SYNC) {
            file.sync();
        }
        Mapping mapping = writeMetaOrWithdrawIt(meta);
        return new Snapshot(meta, mapping, pages.committed().successor(mapping, meta.lastPage()));
    }

    /** Writes the meta page of a new environment into both slots. */
    public static void writeMeta(DataFile file, Meta meta, long slot) {
        file.write(slot * meta.pageSize(), new ByteBuffer[] {metaPage(meta, slot)});
    }

    private static ByteBuffer metaPage(Meta meta, long slot) {
        MemorySegment page = MemorySegment.ofArray(new byte[meta.pageSize()]);
        MetaPage.write(page, slot, meta);
        return page.asByteBuffer();
    }

    /**
     * Writes the meta page (in full-sync mode durably, through the {@code DSYNC} channel: the second
     * and last sync of the commit), then maps the file as it now is. If any of that fails the commit
     * fails, so its meta page is withdrawn.
     */
    private Mapping writeMetaOrWithdrawIt(Meta meta) {
        try {
            long slot = meta.txnId() % 2;
            if (syncMode == SyncMode.FULL) {
                file.writeDurably(slot * meta.pageSize(), metaPage(meta, slot));
            } else {
                writeMeta(file, meta, slot);
            }
            return file.remap();
        } catch (RuntimeException failure) {
            withdraw(meta, failure);
            throw failure;
        }
    }

    /** Blanks the slot of a meta page whose write or sync failed; failing that, refuses further commits. */
    private void withdraw(Meta meta, RuntimeException failure) {
        long slot = meta.txnId() % 2;
        try {
            file.write(slot * meta.pageSize(), new ByteBuffer[] {ByteBuffer.allocate(meta.pageSize())});
            file.sync();
        } catch (RuntimeException again) {
            failure.addSuppressed(again);
            refusal = "commits are refused until " + file.path() + " is reopened: the meta page of failed"
                    + " transaction " + meta.txnId() + " could not be withdrawn (" + again.getMessage() + ")";
        }
    }

    private void writeDirtyPages(WritePages pages, long txnId, int pageSize) {
        PageWriteBatch batch = batch(pageSize);
        batch.start();
        for (long number : pages.dirtyPageNumbers()) {
            MemorySegment bytes = pages.dirtyBytes(number);
            PageHeader.setTxnId(bytes, 0, txnId);
            PageHeader.seal(bytes, 0, (int) bytes.byteSize());
            batch.add(number, bytes);
        }
        batch.flush();
    }

    private PageWriteBatch batch(int pageSize) {
        if (batch == null || batch.pageSize() != pageSize) {
            batch = new PageWriteBatch(file, pageSize);
        }
        return batch;
    }

    private void growFileFor(Meta meta) {
        long needed = (meta.lastPage() + 1) * meta.pageSize();
        long size = file.sizeBytes();
        if (needed <= size) {
            return;
        }
        if (needed > meta.maxSizeBytes()) {
            throw new MapFullException("commit needs " + needed + " bytes, more than maxsize " + meta.maxSizeBytes());
        }
        long step = growStepBytes > 0 ? growStepBytes : Math.clamp(size, 1L << 20, 1L << 30);
        long target = Math.max(needed, size + step);
        target = (target + step - 1) / step * step;
        target = Math.min(target, meta.maxSizeBytes() / meta.pageSize() * meta.pageSize());
        file.growTo(Math.max(target, needed));
    }
}
