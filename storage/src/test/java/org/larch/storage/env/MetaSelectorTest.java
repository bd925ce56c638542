package org.larch.storage.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.CorruptedException;
import org.larch.storage.io.DataFile;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.Meta;

/** Choosing a meta with a ceiling: what a process catching up with announced commits may take. */
class MetaSelectorTest {
    private static final int PAGE_SIZE = 4096;

    @TempDir
    Path dir;

    @Test
    void theNewestMetaUpToTheAnnouncedTransaction() {
        try (DataFile file = DataFile.open(dir.resolve("data"), false)) {
            writeMeta(file, 4);
            writeMeta(file, 5);
            assertEquals(5, MetaSelector.newest(file).txnId());
            assertEquals(5, MetaSelector.newest(file, () -> 5).txnId());
            assertEquals(4, MetaSelector.newest(file, () -> 4).txnId(), "meta 5 is written but not announced");
            assertEquals(5, MetaSelector.newest(file, () -> 3).txnId(), "none qualifies: the newest valid one");
        }
    }

    @Test
    void aTornMetaIsPassedOverAndTwoAreAnError() {
        try (DataFile file = DataFile.open(dir.resolve("data"), false)) {
            writeMeta(file, 6);
            writeMeta(file, 7);
            file.write(PAGE_SIZE + 100, new ByteBuffer[] {ByteBuffer.wrap(new byte[] {1, 2, 3})}); // tear meta 7
            assertEquals(6, MetaSelector.newest(file, () -> 7).txnId());
            file.write(100, new ByteBuffer[] {ByteBuffer.wrap(new byte[] {1, 2, 3})}); // tear meta 6
            CorruptedException e = assertThrows(CorruptedException.class, () -> MetaSelector.newest(file, () -> 7));
            assertEquals(true, e.getMessage().contains("no valid meta page"), e.getMessage());
        }
    }

    private static void writeMeta(DataFile file, long txnId) {
        Meta meta = new Meta(PAGE_SIZE, 1L << 30, txnId, 1, new DbRecord(0), new DbRecord(0));
        Committer.writeMeta(file, meta, txnId % 2);
    }
}
