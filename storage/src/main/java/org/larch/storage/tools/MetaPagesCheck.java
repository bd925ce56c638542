package org.larch.storage.tools;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.larch.storage.page.Meta;
import org.larch.storage.page.MetaPage;

/**
 * Checks meta pages 0 and 1 as the file holds them. The snapshot's own meta (slot txnId % 2) must be
 * valid and say what the snapshot says, unless a later commit has since written that slot. The other
 * meta being invalid is only a warning: a torn meta write is allowed to leave it so.
 */
final class MetaPagesCheck {
    private final Meta snapshot;
    private final Findings findings;

    MetaPagesCheck(Meta snapshot, Findings findings) {
        this.snapshot = snapshot;
        this.findings = findings;
    }

    /** Checks the meta pages read from the data file with a channel of its own. */
    void checkFile(Path dataFile) {
        try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ)) {
            check(readSlot(channel, 0), readSlot(channel, 1));
        } catch (IOException e) {
            findings.problem("cannot read the meta pages of " + dataFile + ": " + e);
        }
    }

    /** Checks the meta pages as the snapshot's mapping of the file shows them. */
    void checkMapping(MemorySegment map) {
        int pageSize = snapshot.pageSize();
        check(map.asSlice(0, pageSize), map.asSlice(pageSize, pageSize));
    }

    private void check(MemorySegment first, MemorySegment second) {
        int newest = (int) (snapshot.txnId() % 2);
        MemorySegment[] slots = {first, second};
        switch (read(slots[newest], newest)) {
            case MetaPage.Valid(Meta meta) -> compareWithSnapshot(meta, newest);
            case MetaPage.Invalid(String reason) -> findings.problem("the snapshot's meta page is invalid: " + reason);
        }
        int older = 1 - newest;
        if (read(slots[older], older) instanceof MetaPage.Invalid(String reason)) {
            findings.warning("the older meta page is invalid (a torn meta write may leave it so): " + reason);
        }
    }

    private void compareWithSnapshot(Meta meta, int slot) {
        String page = "meta page " + slot;
        if (meta.txnId() < snapshot.txnId()) {
            findings.problem(page + " holds txn " + meta.txnId() + ", older than the snapshot's txn "
                    + snapshot.txnId());
        } else if (meta.txnId() == snapshot.txnId()) {
            compare(page + ": last page", meta.lastPage(), snapshot.lastPage());
            compare(page + ": page size", meta.pageSize(), snapshot.pageSize());
            compare(page + ": free-page tree descriptor", meta.freeDb().toString(), snapshot.freeDb().toString());
            compare(page + ": main tree descriptor", meta.mainDb().toString(), snapshot.mainDb().toString());
        }
    }

    private void compare(String field, Object inFile, Object inSnapshot) {
        if (!inFile.equals(inSnapshot)) {
            findings.problem(field + " is " + inFile + " in the file but " + inSnapshot + " in the snapshot");
        }
    }

    private MetaPage.Result read(MemorySegment page, int slot) {
        if (page.byteSize() < snapshot.pageSize()) {
            return new MetaPage.Invalid("meta page " + slot + " is cut short by the end of the file");
        }
        return MetaPage.read(page, slot);
    }

    private MemorySegment readSlot(FileChannel channel, int slot) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(snapshot.pageSize());
        long position = (long) slot * snapshot.pageSize();
        while (bytes.hasRemaining()) {
            int read = channel.read(bytes, position + bytes.position());
            if (read < 0) {
                break;
            }
        }
        return MemorySegment.ofArray(Arrays.copyOf(bytes.array(), bytes.position()));
    }
}
