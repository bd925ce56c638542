package org.larch.storage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The other process of the multi-process tests ({@link ChildJvm} starts it): opens the environment
 * given on its command line and obeys one command per line of stdin, answering each with one line
 * on stdout (a few answer with two). Keys are {@link EnvTesting#key(long)} numbers in database
 * {@value #DATABASE}; the value of key {@code i} is {@code size} bytes of {@code (byte) i}.
 *
 * <pre>
 * usage: MultiProcessChild DIRECTORY MAX_READERS rw|ro
 *
 * write FROM TO SIZE   one write transaction putting keys [FROM, TO)  → written TXN_ID FILE_SIZE_BYTES
 * get KEY              a read transaction                             → value LENGTH FIRST_BYTE | missing
 * count                a read transaction                             → count ENTRIES SNAPSHOT_TXN_ID
 * hold                 begins a read transaction and keeps it open    → holding SNAPSHOT_TXN_ID
 * heldScan SIZE        scans the newest held transaction: are all values of key i
 *                      {@code SIZE} bytes of (byte) i?                → scanned ENTRIES true|false
 * release              ends every held read transaction               → released
 * timedWrite KEY       → waiting MICROS, then, once the write transaction began,
 *                        acquired MICROS SAW_KEY_BEFORE; commits KEY  → committed TXN_ID
 * beginWrite KEY       begins a write transaction, puts KEY, keeps it → writing
 * commitWrite          commits the transaction of beginWrite          → committed TXN_ID
 * info                 → info LAST_TXN_ID FILE_SIZE_BYTES MAX_READERS READERS_USED PID
 * sleep                sleeps until killed
 * exit                 closes the environment and exits               → bye
 * </pre>
 * MICROS are microseconds of the wall clock (one clock for every process of the machine). The file
 * grows in steps of {@value #GROW_STEP_BYTES} bytes.
 */
public final class MultiProcessChild {
    static final String DATABASE = "data";
    /** Small, so that a write of a few hundred KiB grows the file. */
    static final long GROW_STEP_BYTES = 64 << 10;

    private final Env env;
    private final Dbi db;
    private final PrintStream out;
    private final Deque<Txn> held = new ArrayDeque<>();
    private Txn writing;

    private MultiProcessChild(Env env, PrintStream out) {
        this.env = env;
        this.out = out;
        this.db = env.config().has(EnvFlag.READ_ONLY) ? env.openDbi(DATABASE) : env.openDbi(DATABASE, DbiFlag.CREATE);
    }

    public static void main(String[] args) throws Exception {
        EnvConfig config = EnvConfig.defaults().withMaxReaders(Integer.parseInt(args[1]))
                .withGrowStepBytes(GROW_STEP_BYTES);
        if (args[2].equals("ro")) {
            config = config.withFlags(EnvFlag.READ_ONLY);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Env env = Env.open(Path.of(args[0]), config)) {
            MultiProcessChild child = new MultiProcessChild(env, out);
            out.println("ready " + ProcessHandle.current().pid());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!child.obey(line.trim().split(" "))) {
                    break;
                }
            }
            child.release();
        }
        out.println("bye");
    }

    /** Runs one command; false for exit. */
    private boolean obey(String[] command) throws InterruptedException {
        switch (command[0]) {
            case "write" -> write(number(command, 1), number(command, 2), (int) number(command, 3));
            case "get" -> get(number(command, 1));
            case "count" -> count();
            case "hold" -> hold();
            case "heldScan" -> heldScan((int) number(command, 1));
            case "release" -> {
                release();
                out.println("released");
            }
            case "timedWrite" -> timedWrite(number(command, 1));
            case "beginWrite" -> beginWrite(number(command, 1));
            case "commitWrite" -> commitWrite();
            case "info" -> info();
            case "sleep" -> Thread.sleep(Long.MAX_VALUE);
            case "exit" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("unknown command " + Arrays.toString(command));
        }
        return true;
    }

    private void write(long from, long to, int size) {
        try (Txn txn = env.txnWrite()) {
            for (long i = from; i < to; i++) {
                db.put(txn, EnvTesting.key(i), value(i, size));
            }
            txn.commit();
        }
        EnvInfo info = env.info();
        out.println("written " + info.lastTxnId() + " " + info.fileSizeBytes());
    }

    private void get(long key) {
        byte[] value = db.get(EnvTesting.key(key));
        out.println(value == null ? "missing" : "value " + value.length + " " + (value.length > 0 ? value[0] : -1));
    }

    private void count() {
        try (Txn txn = env.txnRead()) {
            out.println("count " + db.stat(txn).entries() + " " + txn.id());
        }
    }

    private void hold() {
        Txn txn = env.txnRead();
        held.push(txn);
        out.println("holding " + txn.id());
    }

    private void heldScan(int size) {
        Txn txn = held.peek();
        long entries = 0;
        boolean intact = true;
        try (Cursor cursor = db.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                long key = java.nio.ByteBuffer.wrap(cursor.keyBytes()).getLong();
                intact &= Arrays.equals(value(key, size), cursor.valueBytes());
                entries++;
            }
        }
        out.println("scanned " + entries + " " + intact);
    }

    private void release() {
        while (!held.isEmpty()) {
            held.pop().close();
        }
    }

    private void timedWrite(long key) {
        out.println("waiting " + micros());
        try (Txn txn = env.txnWrite()) {
            long acquired = micros();
            boolean sawBefore = db.get(txn, EnvTesting.key(key - 1)) != null;
            out.println("acquired " + acquired + " " + sawBefore);
            db.put(txn, EnvTesting.key(key), value(key, 10));
            txn.commit();
        }
        out.println("committed " + env.info().lastTxnId());
    }

    private void beginWrite(long key) {
        writing = env.txnWrite();
        db.put(writing, EnvTesting.key(key), value(key, 10));
        out.println("writing");
    }

    private void commitWrite() {
        writing.commit();
        writing = null;
        out.println("committed " + env.info().lastTxnId());
    }

    private void info() {
        EnvInfo info = env.info();
        out.println("info " + info.lastTxnId() + " " + info.fileSizeBytes() + " " + info.maxReaders() + " "
                + info.readersUsed() + " " + ProcessHandle.current().pid());
    }

    static byte[] value(long key, int size) {
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) key);
        return value;
    }

    static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static long number(String[] command, int index) {
        return Long.parseLong(command[index]);
    }
}
