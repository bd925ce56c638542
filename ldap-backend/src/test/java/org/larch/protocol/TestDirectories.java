package org.larch.protocol;

import org.larch.backend.Directory;

/** Test fixture access for tests in sub-packages. */
public final class TestDirectories {
    private TestDirectories() {}

    public static Directory inMemory() {
        return new InMemoryDirectory();
    }
}
