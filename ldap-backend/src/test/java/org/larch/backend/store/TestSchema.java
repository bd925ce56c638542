package org.larch.backend.store;

import java.util.List;
import org.larch.backend.schema.DirectorySchema;

/** One schema for all tests of the package: loading it takes a while. */
public final class TestSchema {
    private static DirectorySchema schema;

    private TestSchema() {}

    public static synchronized DirectorySchema get() {
        if (schema == null) {
            schema = DirectorySchema.load(List.of());
        }
        return schema;
    }
}
