package org.larch.storage.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvTesting;
import org.larch.storage.StorageException;
import org.larch.storage.Txn;
import org.larch.storage.io.WriteLayers;
import org.larch.storage.tools.Checker;

/**
 * A full disk: the commit that meets it fails with an error that says so and names the file, the
 * environment keeps its last commit whole and readable, and once space is free writes work again.
 * With an injected ENOSPC at each step of a commit, and on a real 4 MiB tmpfs when this runs as root.
 */
class DiskFullTest {
    private static final EnvConfig CONFIG = Durability.FULL.config();
    private static final int BIG_VALUES = 60;
    private static final int BIG_VALUE_BYTES = 50_000;

    /** Where in a commit the disk is full. */
    enum Step {
        GROW(() -> WriteOperation::grows),
        PAGE_WRITE(() -> operation -> operation.writesPages(CONFIG.pageSize())),
        DATA_SYNC(() -> WriteOperation::sync),
        META_WRITE(() -> operation -> operation.touchesMeta(CONFIG.pageSize())),
        META_SYNC(DiskFullTest::syncAfterMetaWrite);

        private final Supplier<Predicate<WriteOperation>> operation;

        Step(Supplier<Predicate<WriteOperation>> operation) {
            this.operation = operation;
        }

        /** A fresh test for the operation of this step (some remember what they saw). */
        Predicate<WriteOperation> operation() {
            return operation.get();
        }
    }

    @TempDir
    Path dir;

    private CrashWorkload workload;
    private CrashModel model;

    @BeforeEach
    void workload() {
        workload = new CrashWorkload(EnvTesting.seed("larch.crash.seed"), false);
        model = new CrashModel(workload);
    }

    /** The disk stays full until space is freed: the commit fails, nothing else does. */
    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"GROW", "PAGE_WRITE", "DATA_SYNC"})
    void aFullDiskFailsTheCommitClearlyAndWritesWorkOnceSpaceIsFree(Step step) {
        FullDiskWrites[] disk = new FullDiskWrites[1];
        try (Env env = openWith(disk)) {
            WorkloadDatabases databases = commitWorkload(env, 1, 5);
            disk[0].fillUpAt(step.operation(), false);
            assertDiskFullError(assertThrows(StorageException.class, () -> commitBigValues(env)));
            assertTrue(disk[0].failures() > 0);

            assertHoldsTheModel(env, 5);
            disk[0].freeSpace();
            commitBigValues(env);
            commitWorkload(databases, 6, 8);
            assertHoldsTheModel(env, 8);
            assertEquals(BIG_VALUES, bigValueCount(env));
        }
        assertReopensAt(8);
    }

    /**
     * The meta page write or its sync fails once: the meta page may be in the file all the same, so
     * the commit blanks its slot. Reopened at once, the environment is at the previous commit.
     */
    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"META_WRITE", "META_SYNC"})
    void aCommitWhoseMetaPageFailedIsWithdrawnNotFoundAfterReopening(Step step) {
        FullDiskWrites[] disk = new FullDiskWrites[1];
        try (Env env = openWith(disk)) {
            commitWorkload(env, 1, 5);
            disk[0].fillUpAt(step.operation(), true);
            assertDiskFullError(assertThrows(StorageException.class, () -> commitBigValues(env)));
            assertHoldsTheModel(env, 5);
        }
        assertReopensAt(5);
        try (Env env = Env.open(dir, CONFIG)) {
            assertEquals(0, bigValueCount(env), "the failed commit's values are not there");
            commitBigValues(env);
            commitWorkload(env, 6, 7);
            assertHoldsTheModel(env, 7);
        }
        assertReopensAt(7);
    }

    /** If even blanking the meta page fails, commits are refused until the environment is reopened. */
    @Test
    void aMetaPageThatCannotBeWithdrawnStopsCommitsUntilReopened() {
        FullDiskWrites[] disk = new FullDiskWrites[1];
        try (Env env = openWith(disk)) {
            commitWorkload(env, 1, 3);
            disk[0].fillUpAt(Step.META_WRITE.operation(), false);
            assertDiskFullError(assertThrows(StorageException.class, () -> commitBigValues(env)));
            disk[0].freeSpace();
            StorageException refused = assertThrows(StorageException.class, () -> commitBigValues(env));
            assertTrue(refused.getMessage().contains("reopened") && refused.getMessage().contains(Env.DATA_FILE),
                    refused.getMessage());
            assertHoldsTheModel(env, 3);
        }
        assertReopensAt(3);
    }

    /** A real file system that fills up: a 4 MiB tmpfs (needs root; skipped otherwise). */
    @Test
    void aRealTmpfsThatFillsUpFailsTheCommitAndWorksAgainOnceSpaceIsFree() throws Exception {
        Path mount = dir.resolve("tmpfs");
        Files.createDirectories(mount);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()),
                "mounting a tmpfs needs root");
        try {
            fillTheRealDisk(mount);
        } finally {
            assertTrue(run("umount", mount.toString()) || run("umount", "-l", mount.toString()), "unmounted");
        }
    }

    private void fillTheRealDisk(Path mount) throws IOException {
        Path filler = mount.resolve("filler");
        Files.write(filler, new byte[1 << 20]);
        Path environment = mount.resolve("env");
        int committed = 0;
        try (Env env = Env.open(environment, CONFIG)) {
            Dbi bulk = env.openDbi("bulk", DbiFlag.CREATE);
            StorageException full = null;
            while (full == null && committed < 200) {
                try {
                    putBatch(env, bulk, committed);
                    committed++;
                } catch (StorageException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "4 MiB filled up");
            assertDiskFullError(full);
            Checker.check(env).assertOk();
            assertEquals(committed * 4L, countOf(env, bulk), "every committed batch is there");

            Files.delete(filler);
            putBatch(env, bulk, committed);
            committed++;
        }
        try (Env env = Env.open(environment, CONFIG)) {
            Checker.check(env).assertOk();
            assertEquals(committed * 4L, countOf(env, env.openDbi("bulk")));
        }
    }

    private static void putBatch(Env env, Dbi bulk, int batch) {
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < 4; i++) {
                bulk.put(txn, EnvTesting.key(batch * 4L + i), new byte[20_000]);
            }
            txn.commit();
        }
    }

    private static long countOf(Env env, Dbi dbi) {
        try (Txn txn = env.txnRead()) {
            return dbi.stat(txn).entries();
        }
    }

    private Env openWith(FullDiskWrites[] disk) {
        try (WriteLayers.Installed layer = WriteLayers.install(dir.resolve(Env.DATA_FILE),
                file -> disk[0] = new FullDiskWrites(file))) {
            return Env.open(dir, CONFIG);
        }
    }

    private WorkloadDatabases commitWorkload(Env env, long from, long to) {
        WorkloadDatabases databases = WorkloadDatabases.create(env, false);
        commitWorkload(databases, from, to);
        return databases;
    }

    private void commitWorkload(WorkloadDatabases databases, long from, long to) {
        for (long txn = from; txn <= to; txn++) {
            databases.commit(workload, txn);
        }
    }

    /** 3 MB of values in database "bulk": more than the file has room for, so the file must grow. */
    private static void commitBigValues(Env env) {
        try (Txn txn = env.txnWrite()) {
            Dbi bulk = env.openDbi(txn, "bulk", DbiFlag.CREATE);
            for (int i = 0; i < BIG_VALUES; i++) {
                bulk.put(txn, EnvTesting.key(i), new byte[BIG_VALUE_BYTES]);
            }
            txn.commit();
        }
    }

    private static long bigValueCount(Env env) {
        if (!env.dbiNames().contains("bulk")) {
            return 0;
        }
        return countOf(env, env.openDbi("bulk"));
    }

    private void assertHoldsTheModel(Env env, long txn) {
        model.advanceTo(txn);
        assertEquals(List.of(), model.differences(env));
        Checker.check(env).assertOk();
    }

    private void assertReopensAt(long txn) {
        CrashVerdict verdict = CrashCheck.afterCrash(dir, CONFIG, model, txn, txn);
        assertTrue(verdict.sound(), verdict.toString());
        assertEquals(txn, verdict.landedTxn());
    }

    private static void assertDiskFullError(StorageException e) {
        String message = e.getMessage();
        assertTrue(message.contains("disk full") && message.contains(Env.DATA_FILE), message);
    }

    private static Predicate<WriteOperation> syncAfterMetaWrite() {
        boolean[] metaWritten = new boolean[1];
        return operation -> {
            metaWritten[0] |= operation.touchesMeta(CONFIG.pageSize());
            return metaWritten[0] && operation.sync();
        };
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
