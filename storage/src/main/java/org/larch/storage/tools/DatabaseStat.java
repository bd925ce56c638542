package org.larch.storage.tools;

import org.larch.storage.Stat;

/**
 * The figures of one database.
 *
 * @param name the database's name; null for the unnamed (main) database
 * @param stat its {@link org.larch.storage.Dbi#stat} figures
 */
public record DatabaseStat(String name, Stat stat) {
    /** The heading {@code mdb_stat} gives it: "Main DB" or the name. */
    public String title() {
        return name == null ? "Main DB" : name;
    }
}
