package org.larch.storage.tools;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.LeafPage;

/**
 * Collects the named databases while the main tree is walked: its {@link LeafPage#SUBDB} nodes, whose
 * key is the name (UTF-8) and whose inline value is the database's {@link DbRecord}.
 */
final class NamedDatabases implements LeafVisitor {
    private final List<NamedDatabase> found = new ArrayList<>();
    private final Findings findings;

    /** One named database as the main tree records it. */
    record NamedDatabase(String name, DbRecord record) {
        String treeName() {
            return "database '" + name + "'";
        }
    }

    NamedDatabases(Findings findings) {
        this.findings = findings;
    }

    /** For every tree but the main one: a database node there is a problem. */
    static LeafVisitor forbiddenIn(Findings findings) {
        return (leaf, index, value, where) -> {
            if ((leaf.flags(index) & LeafPage.SUBDB) != 0) {
                findings.problem(where + ": a database node outside the main tree");
            }
        };
    }

    @Override
    public void visit(LeafPage leaf, int index, MemorySegment value, String where) {
        if ((leaf.flags(index) & LeafPage.SUBDB) == 0) {
            return;
        }
        if (leaf.isBig(index)) {
            findings.problem(where + ": a database node whose descriptor lies in an overflow run");
        } else if (value.byteSize() != DbRecord.SIZE) {
            findings.problem(where + ": a database node whose descriptor has " + value.byteSize() + " bytes, not "
                    + DbRecord.SIZE);
        } else {
            String name = new String(leaf.keyBytes(index), StandardCharsets.UTF_8);
            found.add(new NamedDatabase(name, DbRecord.decode(value, 0)));
        }
    }

    List<NamedDatabase> found() {
        return List.copyOf(found);
    }
}
