package org.larch.storage.tools;

import java.util.ArrayList;
import java.util.List;
import org.larch.storage.DbiFlag;

/** Between stored flag bits (as a database's descriptor and a dump's header hold them) and {@link DbiFlag}s. */
final class DbiFlags {
    private DbiFlags() {
    }

    /** The flags whose bits are set in {@code bits}, plus {@code extra}. */
    static DbiFlag[] of(int bits, DbiFlag... extra) {
        List<DbiFlag> flags = new ArrayList<>(List.of(extra));
        for (DbiFlag flag : DbiFlag.values()) {
            if (flag != DbiFlag.CREATE && (bits & flag.bits) != 0) {
                flags.add(flag);
            }
        }
        return flags.toArray(DbiFlag[]::new);
    }
}
