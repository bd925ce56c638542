package org.larch.storage.crash;

import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;

/** The sync modes the crash tests run in, and the environment configuration of each. */
enum Durability {
    FULL, NOMETASYNC, NOSYNC;

    EnvConfig config() {
        EnvConfig defaults = EnvConfig.defaults();
        return switch (this) {
            case FULL -> defaults;
            case NOMETASYNC -> defaults.withFlags(EnvFlag.NOMETASYNC);
            case NOSYNC -> defaults.withFlags(EnvFlag.NOSYNC);
        };
    }
}
