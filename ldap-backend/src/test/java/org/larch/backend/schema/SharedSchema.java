package org.larch.backend.schema;

import java.util.List;

/** One default schema for the tests of this package: loading takes a few hundred milliseconds. */
final class SharedSchema {
    private static final DirectorySchema SCHEMA = DirectorySchema.load(List.of());

    private SharedSchema() {}

    static DirectorySchema get() {
        return SCHEMA;
    }
}
