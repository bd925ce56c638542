package org.larch.backend.schema;

import org.larch.backend.entry.DirectoryEntry;

/** Placeholder until the checker lands; see the schema branch. */
final class SchemaChecker {
    private final DirectorySchema schema;

    SchemaChecker(DirectorySchema schema) {
        this.schema = schema;
    }

    String check(DirectoryEntry entry) {
        throw new UnsupportedOperationException("schema checking: not yet");
    }
}
