package org.larch.storage.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;

/**
 * What {@link EnvFlag#VERIFY_CHECKSUMS} costs: random gets on 1M entries of 16-byte keys and 100-byte
 * values, single-threaded, with and without the flag: two copies of one environment, one opened each
 * way, read in alternating batches in one run (the machine is noisy: only ratios of one run count).
 * Prints the figures; {@code @Tag("slow")}. Run with
 * <pre>
 * ./run-tests -pl storage -Dlarch.target=target-crash -Dtest=VerifyChecksumsCostTest -Dlarch.excludedGroups=
 * </pre>
 */
@Tag("slow")
class VerifyChecksumsCostTest {
    private static final int ENTRIES = 1_000_000;
    private static final int BATCH = 200_000;
    private static final int BATCHES = 21;
    private static final EnvConfig PLAIN = EnvConfig.defaults().withFlags(EnvFlag.NOSYNC);

    @TempDir
    Path dir;

    @Test
    void randomGetsWithAndWithoutVerification() throws IOException {
        Path plainDirectory = dir.resolve("plain");
        Path verifyingDirectory = dir.resolve("verifying");
        load(plainDirectory);
        Files.createDirectories(verifyingDirectory);
        Files.copy(plainDirectory.resolve(Env.DATA_FILE), verifyingDirectory.resolve(Env.DATA_FILE));
        try (Env plain = Env.open(plainDirectory, PLAIN);
                Env verifying = Env.open(verifyingDirectory, PLAIN.withFlags(EnvFlag.VERIFY_CHECKSUMS))) {
            Dbi plainData = plain.openDbi("data");
            Dbi verifyingData = verifying.openDbi("data");
            assertEquals(gets(plain, plainData, BATCH, 1).digest(), gets(verifying, verifyingData, BATCH, 1).digest(),
                    "both read the same values");
            double[] without = new double[BATCHES];
            double[] with = new double[BATCHES];
            for (int batch = 0; batch < BATCHES; batch++) {
                without[batch] = gets(plain, plainData, BATCH, batch).perSecond();
                with[batch] = gets(verifying, verifyingData, BATCH, batch).perSecond();
            }
            report(without, with);
        }
    }

    /** Best and median of the batches: on a busy machine the best shows the cost, the median the spread. */
    private static void report(double[] without, double[] with) {
        Arrays.sort(without);
        Arrays.sort(with);
        double bestWithout = without[BATCHES - 1];
        double bestWith = with[BATCHES - 1];
        double medianWithout = without[BATCHES / 2];
        double medianWith = with[BATCHES / 2];
        System.out.printf("random get, 1M x (16 B key, 100 B value), 1 thread, %d alternating batches of %d:%n"
                + "  without VERIFY_CHECKSUMS: best %.2f M/s, median %.2f M/s%n"
                + "  with VERIFY_CHECKSUMS:    best %.2f M/s, median %.2f M/s%n"
                + "  verification costs %.2fx (best), %.2fx (median)%n", BATCHES, BATCH, bestWithout / 1e6,
                medianWithout / 1e6, bestWith / 1e6, medianWith / 1e6, bestWithout / bestWith,
                medianWithout / medianWith);
        assertTrue(bestWith > 0 && bestWithout > 0);
    }

    private record Result(double perSecond, long digest) {
    }

    private static void load(Path directory) {
        try (Env env = Env.open(directory, PLAIN.withMaxSizeBytes(1L << 30))) {
            Dbi data = env.openDbi("data", DbiFlag.CREATE);
            byte[] value = new byte[100];
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < ENTRIES; i++) {
                    ByteBuffer.wrap(value).putLong(0, i * 0x9E3779B97F4A7C15L);
                    data.put(txn, key(i), value, PutFlag.APPEND);
                }
                txn.commit();
            }
        }
    }

    private static Result gets(Env env, Dbi data, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long digest = 0;
        long start = System.nanoTime();
        try (Txn txn = env.txnRead()) {
            for (int i = 0; i < count; i++) {
                MemorySegment value = data.getView(txn, key(random.nextInt(ENTRIES)));
                assertNotNull(value);
                digest += value.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
            }
        }
        return new Result(count / ((System.nanoTime() - start) / 1e9), digest);
    }

    /** 16 bytes: the number big-endian (so numbers sort as keys), then a mix of it. */
    private static byte[] key(long number) {
        return ByteBuffer.allocate(16).putLong(number).putLong(number * 0xC2B2AE3D27D4EB4FL).array();
    }
}
