package org.larch.storage.tools;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.KeyExistsException;
import org.larch.storage.PutFlag;
import org.larch.storage.StorageException;
import org.larch.storage.Txn;
import org.larch.storage.page.Meta;

/**
 * A compacted copy of one snapshot: a logical rebuild. A new environment with the source's page size
 * and size ceiling is built in a staging directory next to the copy; the source's main tree is walked
 * in key order, its plain keys appended to the new main tree and each named database (created with the
 * same name and flags when its node comes up) filled by appending its keys in order. Appending fills
 * pages completely; nothing of the source's free space is carried over. The finished data file is cut
 * to the pages in use.
 *
 * <p>Databases opened with a custom comparator keep their keys in an order the new environment does
 * not know: appending them fails with {@code KeyExistsException}. Copy those page for page.
 */
final class CompactCopy {
    static final String STAGING_SUFFIX = ".env";

    private final Env source;
    private final Txn readTxn;
    private final Meta meta;
    private final long bytesPerCommit;

    CompactCopy(Env source, Txn readTxn) {
        this(source, readTxn, BatchedWrites.DEFAULT_BYTES_PER_COMMIT);
    }

    CompactCopy(Env source, Txn readTxn, long bytesPerCommit) {
        this.source = source;
        this.readTxn = readTxn;
        this.meta = readTxn.snapshotForTools().meta();
        this.bytesPerCommit = bytesPerCommit;
    }

    /** Builds the copy and leaves its data file at {@code file}. */
    CopyResult writeTo(Path file) {
        Path staging = file.resolveSibling(file.getFileName() + STAGING_SUFFIX);
        if (Files.exists(staging)) {
            throw new StorageException("cannot copy: " + staging + " exists (left by an interrupted copy: remove it)");
        }
        try {
            long pages = build(staging);
            Files.move(staging.resolve(Env.DATA_FILE), file, StandardCopyOption.REPLACE_EXISTING);
            long sizeBytes = pages * meta.pageSize();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(sizeBytes);
            }
            return new CopyResult(file, meta.txnId(), pages, sizeBytes, true);
        } catch (IOException e) {
            throw new StorageException("cannot write the compacted copy " + file + ": " + e, e);
        } finally {
            removeStaging(staging);
        }
    }

    /** Rebuilds the snapshot in a new environment in {@code staging}; returns its pages in use. */
    private long build(Path staging) {
        List<DatabaseCatalog.Entry> databases = DatabaseCatalog.of(readTxn);
        EnvConfig config = EnvConfig.defaults().withPageSize(meta.pageSize()).withMaxSizeBytes(meta.maxSizeBytes())
                .withMaxDbs(Math.max(EnvConfig.defaults().maxDbs(), databases.size())).withFlags(EnvFlag.NOSYNC);
        try (Env target = Env.open(staging, config); BatchedWrites writes = new BatchedWrites(target, bytesPerCommit)) {
            Map<String, DatabaseCatalog.Entry> byName = new HashMap<>();
            databases.forEach(entry -> byName.put(entry.name(), entry));
            copyMainTree(target, writes, byName);
            writes.commit();
            return target.info().lastPage() + 1;
        }
    }

    private void copyMainTree(Env target, BatchedWrites writes, Map<String, DatabaseCatalog.Entry> databases) {
        Dbi targetMain = target.openDbi(writes.txn(), null);
        try (Cursor cursor = source.openDbi(readTxn, null).openCursor(readTxn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                byte[] key = cursor.keyBytes();
                DatabaseCatalog.Entry database = databaseNamed(databases, key);
                if (database != null) {
                    copyDatabase(target, writes, database);
                } else {
                    writes.put(targetMain, key, cursor.valueBytes(), PutFlag.APPEND);
                }
            }
        }
    }

    private void copyDatabase(Env target, BatchedWrites writes, DatabaseCatalog.Entry database) {
        Dbi from = source.openDbi(readTxn, database.name());
        Dbi to = target.openDbi(writes.txn(), database.name(), DbiFlags.of(database.flags(), DbiFlag.CREATE));
        try (Cursor cursor = from.openCursor(readTxn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                writes.put(to, cursor.keyBytes(), cursor.valueBytes(), PutFlag.APPEND);
            }
        } catch (KeyExistsException e) {
            throw new StorageException("cannot compact database '" + database.name() + "': its keys are not in the"
                    + " order its flags give (opened with a custom comparator?); copy it without compacting", e);
        }
    }

    /** The named database whose node has this key, or null for a plain key of the unnamed database. */
    private static DatabaseCatalog.Entry databaseNamed(Map<String, DatabaseCatalog.Entry> databases, byte[] key) {
        DatabaseCatalog.Entry entry = databases.get(new String(key, StandardCharsets.UTF_8));
        return entry != null && Arrays.equals(entry.nameBytes(), key) ? entry : null;
    }

    private static void removeStaging(Path staging) {
        try {
            Files.deleteIfExists(staging.resolve(Env.DATA_FILE));
            Files.deleteIfExists(staging.resolve(Env.LOCK_FILE));
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            throw new StorageException("cannot remove the staging directory " + staging + ": " + e, e);
        }
    }
}
