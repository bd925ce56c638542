package org.larch.storage.tools;

import java.util.Map;
import org.larch.storage.DbiFlag;

/**
 * The header of one section of a dump ({@link DumpFormat}).
 *
 * @param printable     {@code format=print} rather than {@code bytevalue}
 * @param database      the named database, or null for the unnamed one
 * @param mapSizeBytes  {@code mapsize}, 0 when absent
 * @param maxReaders    {@code maxreaders}, 0 when absent
 * @param pageSize      {@code db_pagesize}, 0 when absent
 * @param flags         stored {@link DbiFlag} bits from the flag lines
 */
public record DumpHeader(boolean printable, String database, long mapSizeBytes, int maxReaders, int pageSize,
        int flags) {

    /** The header {@code mdb_load -T} assumes for plain text: printable data, the unnamed database. */
    public static DumpHeader plainText() {
        return new DumpHeader(true, null, 0, 0, 0, 0);
    }

    public boolean has(DbiFlag flag) {
        return (flags & flag.bits) != 0;
    }

    /** The header's lines, from {@code VERSION=3} to {@code HEADER=END}, as mdb_dump writes them. */
    public String format() {
        StringBuilder text = new StringBuilder();
        text.append("VERSION=").append(DumpFormat.VERSION).append('\n');
        text.append("format=").append(printable ? DumpFormat.FORMAT_PRINT : DumpFormat.FORMAT_BYTEVALUE).append('\n');
        if (database != null) {
            text.append("database=").append(database).append('\n');
        }
        text.append("type=").append(DumpFormat.TYPE_BTREE).append('\n');
        text.append("mapsize=").append(mapSizeBytes).append('\n');
        text.append("maxreaders=").append(maxReaders).append('\n');
        if (has(DbiFlag.DUPSORT)) {
            text.append(DumpFormat.DUPLICATES).append("=1\n");
        }
        for (Map.Entry<String, DbiFlag> flag : DumpFormat.FLAG_NAMES.entrySet()) {
            if (has(flag.getValue())) {
                text.append(flag.getKey()).append("=1\n");
            }
        }
        text.append("db_pagesize=").append(pageSize).append('\n');
        text.append(DumpFormat.HEADER_END).append('\n');
        return text.toString();
    }
}
