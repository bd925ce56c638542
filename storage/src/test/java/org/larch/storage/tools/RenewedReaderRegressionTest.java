package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.Txn;

/**
 * A renewed read transaction must see the newest snapshot in full. The checker, which takes the
 * snapshot from {@link Txn#snapshotForTools()}, does; the transaction's own reads of a named database
 * must agree with it.
 */
class RenewedReaderRegressionTest {
    @TempDir
    Path directory;

    @Test
    void renewedReaderReadsNamedDatabasesOfTheNewSnapshot() {
        try (Env env = Env.open(directory, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC))) {
            Dbi data = env.openDbi("data", DbiFlag.CREATE);
            data.put(CheckerTest.bytes("key"), CheckerTest.bytes("before"));
            try (Txn reader = env.txnRead()) {
                reader.reset();
                for (int i = 0; i < 50; i++) {
                    data.put(CheckerTest.bytes("key"), CheckerTest.bytes("after " + i));
                }
                reader.renew();
                Checker.check(reader).assertOk();
                assertEquals(env.info().lastTxnId(), Checker.check(reader).txnId());
                assertArrayEquals(CheckerTest.bytes("after 49"), data.get(reader, CheckerTest.bytes("key")));
            }
        }
    }
}
