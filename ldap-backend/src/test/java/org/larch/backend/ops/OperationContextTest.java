package org.larch.backend.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.DirectorySettings;
import org.larch.backend.Identity;
import org.larch.backend.csn.Csn;
import org.larch.backend.csn.CsnGenerator;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.StoreReader;

class OperationContextTest {
    @TempDir
    Path directory;

    @Test
    void afterARestartOnAClockThatWentBackCsnsKeepRising() {
        Csn before;
        try (DirectoryFixture fixture = DirectoryFixture.populated(directory)) {
            before = fixture.context.operational().contextCsn(fixture.read(DirectoryFixture.SUFFIX));
        }
        TestEntries entries = new TestEntries(DirectoryFixture.schema());
        Clock yesterday = Clock.fixed(Instant.now().minusSeconds(86_400), ZoneOffset.UTC);
        try (DirectoryStore store = DirectoryStore.open(directory, 1L << 30, entries.dn(DirectoryFixture.SUFFIX),
                DirectoryFixture.schema())) {
            OperationContext context = OperationContext.of(store, settings(), new CsnGenerator(1, yesterday),
                    (txn, id, oldEntry, newEntry) -> { });
            Identity root = new Identity(entries.dn(DirectoryFixture.ROOT_DN), true);
            new AddOperation(context).run(root,
                    entries.entry("ou=later,dc=example,dc=com", "objectClass: organizationalUnit", "ou: later"),
                    UpdateControls.NONE);
            try (StoreReader reader = store.beginRead()) {
                Csn after = context.operational().contextCsn(reader.entry(reader.suffixId()));
                assertTrue(after.isAfter(before), after + " after " + before);
            }
        }
    }

    private DirectorySettings settings() {
        return new DirectorySettings(directory, 1L << 30, DirectoryFixture.SUFFIX, DirectoryFixture.ROOT_DN, "secret",
                List.of(), 0, 0, 1000, List.of(), 1, List.of(), List.of(), List.of(), "test");
    }
}
