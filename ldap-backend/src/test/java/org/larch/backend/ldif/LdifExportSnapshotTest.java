package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Entry;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Identity;
import org.larch.backend.LarchDirectory;
import org.larch.backend.request.UpdateControls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export taken while entries are being added and modified is one snapshot: the suffix's
 * contextCSN (raised by every commit) equals the greatest entryCSN of the exported entries, and the
 * exported count matches a commit boundary (each writer step adds one entry).
 */
class LdifExportSnapshotTest {
    @TempDir
    Path directory;

    @Test
    void anExportDuringAWriteLoadIsOneSnapshot() throws Exception {
        try (LarchDirectory larch = LarchDirectory.open(LdifFixtures.settings(directory))) {
            Identity root = new Identity(new Dn("cn=admin," + LdifFixtures.SUFFIX), true);
            larch.add(root, LdifFixtures.entry("ou=people," + LdifFixtures.SUFFIX, "objectClass", "organizationalUnit",
                    "ou", "people"), UpdateControls.NONE);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread writer = Thread.ofPlatform().start(() -> writeUntilStopped(larch, root, stop, written));
            try {
                // at least 20 exports, and on until the writer has added a few entries meanwhile (an export
                // can be faster than the writer's first commits; bounded by a deadline)
                long deadline = System.nanoTime() + 60_000_000_000L;
                for (int round = 0; round < 20 || (written.get() < 5 && System.nanoTime() < deadline); round++) {
                    assertConsistent(exportOf(larch));
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertTrue(written.get() > 0, "the writer wrote nothing while the exports ran");
        }
    }

    private static void writeUntilStopped(LarchDirectory larch, Identity root, AtomicBoolean stop, AtomicInteger written) {
        try {
            for (int index = 0; !stop.get(); index++) {
                larch.add(root, LdifFixtures.person("p" + index, "Person " + index), UpdateControls.NONE);
                written.incrementAndGet();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String exportOf(LarchDirectory larch) {
        StringWriter out = new StringWriter();
        new LdifExport(larch.store()).export(null, null, out);
        return out.toString();
    }

    private static void assertConsistent(String ldif) throws Exception {
        List<Entry> entries = LdifExportTest.parse(ldif);
        String contextCsn = entries.getFirst().getAttributeValue("contextCSN");
        String greatest = entries.stream().map(entry -> entry.getAttributeValue("entryCSN")).max(String::compareTo).orElseThrow();
        assertEquals(greatest, contextCsn, "contextCSN and the newest entryCSN come from different snapshots");
        long people = entries.stream().filter(entry -> entry.getDN().startsWith("uid=")).count();
        assertEquals(entries.size() - 2, people);
    }
}
