package org.larch.storage.tools;

import java.nio.file.Path;

/**
 * What a copy wrote.
 *
 * @param dataFile   the copy's data file
 * @param txnId      the snapshot copied (the source's transaction id)
 * @param pages      pages in the copy, the two meta pages included
 * @param sizeBytes  the copy's data file size
 * @param compacted  whether only live data was copied
 */
public record CopyResult(Path dataFile, long txnId, long pages, long sizeBytes, boolean compacted) {
    @Override
    public String toString() {
        return (compacted ? "compacted copy" : "copy") + " of txn " + txnId + " in " + dataFile + ": " + pages
                + " pages, " + sizeBytes + " bytes";
    }
}
