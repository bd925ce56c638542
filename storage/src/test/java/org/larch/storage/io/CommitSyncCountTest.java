package org.larch.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.Txn;

/**
 * What one commit asks of the device in each durability mode, recorded by a layer under the data
 * file's writes: a full-sync commit is LMDB's two syncs (an fdatasync of the data, then the meta page
 * written through the {@code DSYNC} descriptor), NOMETASYNC one fdatasync and a plain meta write,
 * NOSYNC none. The meta write is the last step, and the committed data reads back after a reopen.
 */
class CommitSyncCountTest {
    @TempDir
    Path dir;

    /** Operations seen by the layer, in order: "write", "meta write", "sync", "durable meta write". */
    private final List<String> operations = new ArrayList<>();
    private int pageSize;

    @Test
    void fullSyncCommitIsOneDataSyncAndOneDurableMetaWrite() {
        assertEquals(List.of("write", "sync", "durable meta write"), oneCommit(new EnvFlag[0]));
    }

    @Test
    void noMetaSyncCommitSyncsTheDataOnlyAndWritesTheMetaPlainly() {
        assertEquals(List.of("write", "sync", "meta write"), oneCommit(EnvFlag.NOMETASYNC));
    }

    @Test
    void noSyncCommitSyncsNothing() {
        assertEquals(List.of("write", "meta write"), oneCommit(EnvFlag.NOSYNC));
    }

    /** The operations of one small commit, with neighbouring writes of the data pages counted once. */
    private List<String> oneCommit(EnvFlag... flags) {
        EnvConfig config = EnvConfig.defaults().withFlags(flags);
        try (Env env = Env.open(dir, config)) {
            env.openDbi("data", DbiFlag.CREATE);
        }
        try (WriteLayers.Installed layer = WriteLayers.install(dir.resolve("larch.data"), Recording::new);
                Env env = Env.open(dir, config)) {
            Dbi dbi = env.openDbi("data", DbiFlag.CREATE);
            pageSize = env.info().pageSize();
            operations.clear();
            try (Txn txn = env.txnWrite()) {
                dbi.put(txn, new byte[] {1, 2, 3}, new byte[] {4, 5, 6});
                txn.commit();
            }
        }
        try (Env env = Env.open(dir, config); Txn txn = env.txnRead()) {
            assertArrayEquals(new byte[] {4, 5, 6}, env.openDbi("data").get(txn, new byte[] {1, 2, 3}));
        }
        return collapsed(operations);
    }

    private static List<String> collapsed(List<String> operations) {
        List<String> collapsed = new ArrayList<>();
        for (String operation : operations) {
            if (collapsed.isEmpty() || !collapsed.getLast().equals(operation)) {
                collapsed.add(operation);
            }
        }
        return collapsed;
    }

    /** Passes everything on to the file, noting each operation. */
    private final class Recording implements FileWrites {
        private final FileWrites file;

        Recording(FileWrites file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            operations.add(isMeta(position) ? "meta write" : "write");
            return file.write(source, position);
        }

        @Override
        public void sync() throws IOException {
            operations.add("sync");
            file.sync();
        }

        @Override
        public void writeDurably(ByteBuffer source, long position) throws IOException {
            operations.add(isMeta(position) ? "durable meta write" : "durable write");
            file.writeDurably(source, position);
        }

        private boolean isMeta(long position) {
            return position < 2L * pageSize;
        }
    }
}
