package org.larch.storage.tools;

/**
 * What a dump wrote.
 *
 * @param txnId     the snapshot dumped
 * @param sections  databases written
 * @param pairs     key/value pairs written (a DUPSORT key counts once per value)
 */
public record DumpResult(long txnId, int sections, long pairs) {
}
