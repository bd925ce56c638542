package org.larch.storage.tools;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.KeyExistsException;
import org.larch.storage.PutFlag;
import org.larch.storage.StorageException;
import org.larch.storage.Txn;

/**
 * Loads the text format of {@code mdb_dump} ({@link DumpFormat}) into an environment, as
 * {@code mdb_load} does: each section into the database its header names (created with the header's
 * flags if missing), or into the one {@link LoadOptions#database()} names.
 *
 * <p>Work is committed in batches of about 64 MiB (mdb_load commits every 100 pairs): memory stays
 * bounded, and a load that fails part-way leaves what it committed before the bad line, like mdb_load.
 * A new environment takes its page size, size ceiling and reader slots from the first header.
 */
public final class Loader {
    private final Env env;
    private final DumpReader reader;
    private final LoadOptions options;
    private final long bytesPerCommit;
    private int sections;
    private long stored;
    private long skipped;

    private Loader(Env env, DumpReader reader, LoadOptions options, long bytesPerCommit) {
        this.env = env;
        this.reader = reader;
        this.options = options;
        this.bytesPerCommit = bytesPerCommit;
    }

    /**
     * Loads into the environment in {@code directory}, creating it when there is none. {@code config}
     * gives the rest (maxDbs, sync flags); the header's {@code db_pagesize}, {@code mapsize} and
     * {@code maxreaders} override it for a new environment, {@link LoadOptions#maxSizeBytes()} overrides
     * the size ceiling for any.
     */
    public static LoadResult load(Path directory, EnvConfig config, InputStream in, String source,
            LoadOptions options) {
        DumpReader reader = new DumpReader(in, source, options.plainText());
        DumpHeader first = reader.nextSection();
        boolean exists = Files.exists(directory.resolve(Env.DATA_FILE));
        EnvConfig chosen = exists || first == null ? config : configFor(config, first);
        if (options.maxSizeBytes() > 0) {
            chosen = chosen.withMaxSizeBytes(options.maxSizeBytes());
        }
        try (Env env = Env.open(directory, chosen)) {
            return new Loader(env, reader, options, BatchedWrites.DEFAULT_BYTES_PER_COMMIT).loadFrom(first);
        }
    }

    /** Loads into an open environment. */
    public static LoadResult load(Env env, InputStream in, String source, LoadOptions options) {
        return load(env, in, source, options, BatchedWrites.DEFAULT_BYTES_PER_COMMIT);
    }

    static LoadResult load(Env env, InputStream in, String source, LoadOptions options, long bytesPerCommit) {
        DumpReader reader = new DumpReader(in, source, options.plainText());
        return new Loader(env, reader, options, bytesPerCommit).loadFrom(reader.nextSection());
    }

    private LoadResult loadFrom(DumpHeader first) {
        for (DumpHeader header = first; header != null; header = reader.nextSection()) {
            loadSection(header);
            sections++;
        }
        return new LoadResult(sections, stored, skipped, reader.warnings());
    }

    private void loadSection(DumpHeader header) {
        String name = options.database() != null ? options.database() : header.database();
        try (BatchedWrites writes = new BatchedWrites(env, bytesPerCommit)) {
            Dbi dbi = open(writes.txn(), name, header.flags());
            PutFlag[] flags = putFlags(dbi);
            for (DumpReader.Pair pair = reader.nextRecord(); pair != null; pair = reader.nextRecord()) {
                store(writes, dbi, pair, flags);
            }
            writes.commit();
        }
    }

    private Dbi open(Txn txn, String name, int flags) {
        try {
            if (name == null) {
                if (flags != 0) {
                    throw new StorageException("the unnamed database takes no flags (" + flagNames(flags)
                            + "): load into a named database with -s NAME");
                }
                return env.openDbi(txn, null);
            }
            return env.openDbi(txn, name, DbiFlags.of(flags, DbiFlag.CREATE));
        } catch (StorageException e) {
            throw new DumpFormatException(reader.source(), reader.lineNumber(), "cannot open database "
                    + (name == null ? "(unnamed)" : "'" + name + "'") + ": " + e.getMessage(), e);
        }
    }

    private PutFlag[] putFlags(Dbi dbi) {
        if (options.append()) {
            return new PutFlag[] {PutFlag.APPEND};
        }
        if (options.noOverwrite()) {
            return new PutFlag[] {dbi.isDupSort() ? PutFlag.NODUPDATA : PutFlag.NOOVERWRITE};
        }
        return new PutFlag[0];
    }

    private void store(BatchedWrites writes, Dbi dbi, DumpReader.Pair pair, PutFlag[] flags) {
        try {
            if (options.append() && options.noOverwrite() && exists(writes.txn(), dbi, pair)) {
                skipped++;
            } else if (writes.put(dbi, pair.key(), pair.value(), flags)) {
                stored++;
            } else {
                skipped++;
            }
        } catch (KeyExistsException e) {
            throw new DumpFormatException(reader.source(), pair.lineNumber(), "this pair does not come after"
                    + " the database's last one: -a (append) needs input in the database's order", e);
        } catch (StorageException e) {
            throw new DumpFormatException(reader.source(), pair.lineNumber(), "cannot store this pair: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether the database holds the key (DUPSORT: the pair) already: with {@code -a -N}, append's
     * own refusal cannot tell an existing pair from one out of order.
     */
    private static boolean exists(Txn txn, Dbi dbi, DumpReader.Pair pair) {
        if (!dbi.isDupSort()) {
            return dbi.get(txn, pair.key()) != null;
        }
        try (Cursor cursor = dbi.openCursor(txn)) {
            return cursor.seekBoth(pair.key(), pair.value()) && Arrays.equals(cursor.valueBytes(), pair.value());
        }
    }

    private static EnvConfig configFor(EnvConfig config, DumpHeader header) {
        EnvConfig chosen = config;
        int pageSize = header.pageSize();
        if (pageSize >= 512 && pageSize <= 32768 && Integer.bitCount(pageSize) == 1) {
            chosen = chosen.withPageSize(pageSize);
        }
        if (header.mapSizeBytes() > 0) {
            chosen = chosen.withMaxSizeBytes(header.mapSizeBytes());
        }
        if (header.maxReaders() > 0) {
            chosen = chosen.withMaxReaders(header.maxReaders());
        }
        return chosen;
    }

    private static String flagNames(int flags) {
        StringBuilder names = new StringBuilder();
        DumpFormat.FLAG_NAMES.forEach((name, flag) -> {
            if ((flags & flag.bits) != 0) {
                names.append(names.isEmpty() ? "" : ", ").append(name).append("=1");
            }
        });
        return names.toString();
    }
}
