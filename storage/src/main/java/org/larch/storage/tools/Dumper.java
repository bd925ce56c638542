package org.larch.storage.tools;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.EnvInfo;
import org.larch.storage.NotFoundException;
import org.larch.storage.StorageException;
import org.larch.storage.Txn;

/**
 * Writes databases in the text format of {@code mdb_dump} ({@link DumpFormat}), all from one read
 * transaction, so a dump of several databases is one consistent snapshot.
 *
 * <p>One difference from mdb_dump: a dump of the unnamed database leaves out the nodes that hold the
 * named databases. Their values are this engine's descriptors, meaningless elsewhere; mdb_dump writes
 * LMDB's, which mdb_load would then store as plain data.
 */
public final class Dumper {
    private static final int FLUSH_CHARS = 1 << 16;

    private final Env env;
    private final Txn txn;
    private final Writer out;
    private final boolean printable;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);

    private Dumper(Env env, Txn txn, Writer out, boolean printable) {
        this.env = env;
        this.txn = txn;
        this.out = out;
        this.printable = printable;
    }

    /** Dumps what {@code options} selects from the newest snapshot of {@code env}. */
    public static DumpResult dump(Env env, Writer out, DumpOptions options) {
        try (Txn txn = env.txnRead()) {
            return dump(env, txn, out, options);
        }
    }

    /** Dumps what {@code options} selects as {@code readTxn} sees it. */
    public static DumpResult dump(Env env, Txn readTxn, Writer out, DumpOptions options) {
        Dumper dumper = new Dumper(env, readTxn, out, options.printable());
        List<DatabaseCatalog.Entry> databases = DatabaseCatalog.of(readTxn);
        long pairs = 0;
        int sections = 0;
        if (options.allDatabases()) {
            if (databases.isEmpty()) {
                throw new NotFoundException(env.path() + " does not contain named databases");
            }
            for (DatabaseCatalog.Entry database : databases) {
                pairs += dumper.dumpNamed(database);
                sections++;
            }
        } else if (options.database() != null) {
            pairs = dumper.dumpNamed(named(env, databases, options.database()));
            sections = 1;
        } else {
            pairs = dumper.dumpUnnamed(databases);
            sections = 1;
        }
        dumper.flush();
        return new DumpResult(readTxn.id(), sections, pairs);
    }

    /** The names of the named databases in the newest snapshot ({@code mdb_dump -l}). */
    public static List<String> list(Env env) {
        try (Txn txn = env.txnRead()) {
            return DatabaseCatalog.of(txn).stream().map(DatabaseCatalog.Entry::name).toList();
        }
    }

    private long dumpNamed(DatabaseCatalog.Entry database) {
        Dbi dbi = env.openDbi(txn, database.name());
        return dumpDatabase(dbi, header(database.name(), database.flags()), Set.of());
    }

    private long dumpUnnamed(List<DatabaseCatalog.Entry> databases) {
        Set<ByteBuffer> databaseKeys = new HashSet<>();
        databases.forEach(database -> databaseKeys.add(ByteBuffer.wrap(database.nameBytes())));
        return dumpDatabase(env.openDbi(txn, null), header(null, 0), databaseKeys);
    }

    private long dumpDatabase(Dbi dbi, DumpHeader header, Set<ByteBuffer> skippedKeys) {
        buffer.append(header.format());
        long pairs = 0;
        try (Cursor cursor = dbi.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                byte[] key = cursor.keyBytes();
                if (!skippedKeys.isEmpty() && skippedKeys.contains(ByteBuffer.wrap(key))) {
                    continue;
                }
                DumpFormat.appendDataLine(buffer, key, printable);
                DumpFormat.appendDataLine(buffer, cursor.valueBytes(), printable);
                pairs++;
                if (buffer.length() >= FLUSH_CHARS) {
                    flush();
                }
            }
        }
        buffer.append(DumpFormat.DATA_END).append('\n');
        return pairs;
    }

    private DumpHeader header(String name, int flags) {
        EnvInfo info = env.info();
        return new DumpHeader(printable, name, info.maxSizeBytes(), info.maxReaders(), info.pageSize(), flags);
    }

    private void flush() {
        try {
            out.append(buffer);
            out.flush();
            buffer.setLength(0);
        } catch (IOException e) {
            throw new StorageException("cannot write the dump: " + e.getMessage(), e);
        }
    }

    private static DatabaseCatalog.Entry named(Env env, List<DatabaseCatalog.Entry> databases, String name) {
        for (DatabaseCatalog.Entry database : databases) {
            if (database.name().equals(name)) {
                return database;
            }
        }
        throw new NotFoundException("database '" + name + "' does not exist in " + env.path());
    }
}
