package org.larch.storage.io;

import java.lang.foreign.MemorySegment;

/**
 * One read-only mapping of the data file's first {@code sizeBytes} bytes. A new mapping is made each
 * time the file grows; a transaction keeps the one it started with, which covers every page of its
 * snapshot. Old mappings stay valid until the environment closes.
 */
public record Mapping(MemorySegment segment, long sizeBytes) {
}
