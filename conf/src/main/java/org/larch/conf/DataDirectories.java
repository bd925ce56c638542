package org.larch.conf;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a data directory can be used: an existing writable directory, or one that can be created. */
final class DataDirectories {

    private DataDirectories() {}

    /** Null if {@code directory} is usable, else what is wrong with it. */
    static String problem(Path directory) {
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                return "directory " + directory + " is not a directory";
            }
            return Files.isWritable(directory) ? null : "directory " + directory + " is not writable";
        }
        Path ancestor = directory.toAbsolutePath().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
            return "directory " + directory + " does not exist and cannot be created"
                    + (ancestor == null ? "" : " (" + ancestor + " is not a writable directory)");
        }
        return null;
    }
}
