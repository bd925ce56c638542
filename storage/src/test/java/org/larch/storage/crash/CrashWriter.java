package org.larch.storage.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.io.WriteLayers;

/**
 * The writer process the kill harness starts and kills: commits the {@link CrashWorkload}'s
 * transactions one after another from where the environment stands, and after each commit returns
 * prints {@code ACK <k> ok} and flushes. Stops only when killed, or when its standard input closes
 * (the harness is gone).
 *
 * <p>Arguments: {@code <directory> <FULL|NOMETASYNC|NOSYNC> <seed> <duplicates: true|false>
 * [meta-first]}; {@code meta-first} runs the deliberately broken control ({@link MetaFirstWrites}).
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        Durability durability = Durability.valueOf(args[1]);
        CrashWorkload workload = new CrashWorkload(Long.parseLong(args[2]), Boolean.parseBoolean(args[3]));
        boolean brokenControl = args.length > 4 && args[4].equals("meta-first");
        exitWhenTheHarnessIsGone();
        EnvConfig config = durability.config();
        WriteLayers.Installed layer = brokenControl ? WriteLayers.install(directory.resolve(Env.DATA_FILE),
                file -> new MetaFirstWrites(file, config.pageSize())) : null;
        try (Env env = Env.open(directory, config)) {
            run(env, workload, System.out);
        } finally {
            if (layer != null) {
                layer.close();
            }
        }
    }

    private static void run(Env env, CrashWorkload workload, PrintStream out) {
        WorkloadDatabases databases = WorkloadDatabases.create(env, workload.duplicates());
        long txn = databases.marker();
        out.println("START " + txn);
        out.flush();
        while (true) {
            txn++;
            databases.commit(workload, txn);
            out.println("ACK " + txn + " ok");
            out.flush();
        }
    }

    private static void exitWhenTheHarnessIsGone() {
        Thread.ofPlatform().daemon().start(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // the harness sends nothing; end of input means it is gone
                }
            } catch (IOException gone) {
                // as good as end of input
            }
            Runtime.getRuntime().halt(3);
        });
    }
}
