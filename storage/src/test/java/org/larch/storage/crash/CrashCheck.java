package org.larch.storage.crash;

import java.nio.file.Path;
import java.util.List;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.tools.CheckReport;
import org.larch.storage.tools.Checker;

/**
 * Reopens an environment after a crash and judges it: it must open with no recovery step, pass the
 * {@link Checker}, hold at least every transaction known committed, and agree exactly with the
 * model at the transaction it holds (no half transaction, no damaged value).
 */
final class CrashCheck {
    private CrashCheck() {
    }

    /**
     * @param mustHave       the newest workload transaction known committed (acknowledged)
     * @param newestPossible the newest one that may have committed (begun before the crash)
     */
    static CrashVerdict afterCrash(Path directory, EnvConfig config, CrashModel model, long mustHave,
            long newestPossible) {
        long required = Math.max(mustHave, model.txn());
        long landed = -1;
        try (Env env = Env.open(directory, config)) {
            CheckReport report = Checker.check(env);
            if (!report.ok()) {
                return new CrashVerdict(landed, 0, List.of("checker: " + report));
            }
            landed = WorkloadDatabases.existing(env).marker();
            if (landed < required) {
                return new CrashVerdict(landed, required - landed, List.of());
            }
            if (landed > newestPossible) {
                return new CrashVerdict(landed, 0, List.of("marker says txn " + landed + " but txn "
                        + newestPossible + " is the newest that began"));
            }
            model.advanceTo(landed);
            return new CrashVerdict(landed, 0, model.differences(env));
        } catch (RuntimeException e) {
            return new CrashVerdict(landed, 0, List.of("reopening failed: " + e));
        }
    }
}
