package org.larch.server.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;
import org.larch.storage.tools.StatReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code larch demo}: a short tour of the storage engine that doubles as a rough speed check. It
 * creates a fresh environment, loads sorted keys in one transaction with APPEND, reads them back in
 * random order and in a full scan, and prints the figures and the environment's stat.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create an environment, load and read entries, print rough figures and its stat.")
public final class DemoCommand implements Callable<Integer> {
    private static final int KEY_BYTES = 16;
    private static final int VALUE_BYTES = 100;

    @Option(names = "--dir", description = "Where to create the demo environment (default: ${DEFAULT-VALUE}).")
    Path directory = Path.of("larch-data", "demo");

    @Option(names = "--entries", description = "Entries to load (default: ${DEFAULT-VALUE}).")
    int entries = 100_000;

    @Option(names = "--seed", description = "Seed of the random values and read order (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        clearOldDemo();
        try (Env env = Env.open(directory, EnvConfig.defaults())) {
            Dbi db = env.openDbi("demo", DbiFlag.CREATE);
            out.printf("Larch storage demo in %s: %,d entries of %d-byte keys and %d-byte values%n", directory,
                    entries, KEY_BYTES, VALUE_BYTES);
            report(out, "sorted load (APPEND, one txn)", entries, timeNanos(() -> load(env, db)));
            long[] checksum = new long[1];
            report(out, "random reads (1 thread)", entries, timeNanos(() -> checksum[0] = readRandomly(env, db)));
            long[] scanned = new long[1];
            report(out, "full cursor scan", entries, timeNanos(() -> scanned[0] = scan(env, db)));
            out.printf("  read back %,d entries by key and %,d by scan (value checksum %d)%n%n", entries,
                    scanned[0], checksum[0]);
            out.print(StatReport.of(env).format());
        }
        out.flush();
        return 0;
    }

    private void load(Env env, Dbi db) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] value = new byte[VALUE_BYTES];
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < entries; i++) {
                random.nextBytes(value);
                db.put(txn, key(i), value, PutFlag.APPEND);
            }
            txn.commit();
        }
    }

    private long readRandomly(Env env, Dbi db) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        long sum = 0;
        try (Txn txn = env.txnRead()) {
            for (int i = 0; i < entries; i++) {
                MemorySegment value = db.getView(txn, key(random.nextInt(entries)));
                sum += value.get(ValueLayout.JAVA_BYTE, 0);
            }
        }
        return sum;
    }

    private static long scan(Env env, Dbi db) {
        long count = 0;
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                count++;
            }
        }
        return count;
    }

    private static byte[] key(long index) {
        return ByteBuffer.allocate(KEY_BYTES).putLong(8, index).array();
    }

    private static long timeNanos(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static void report(PrintWriter out, String what, long count, long nanos) {
        out.printf("  %-32s %,12.0f entries/s  (%,d ms)%n", what, count * 1e9 / nanos, nanos / 1_000_000);
    }

    /** Removes a previous demo environment, and only that: a directory holding Larch's two files. */
    private void clearOldDemo() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.equals(Env.DATA_FILE) && !name.equals(Env.LOCK_FILE)) {
                    throw new IOException(directory + " holds " + name + ", not just a demo environment: "
                            + "choose another --dir");
                }
                Files.delete(file);
            }
        }
    }
}
