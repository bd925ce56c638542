package org.larch.server.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.larch.backend.DirectorySettings;
import org.larch.backend.schema.DirectorySchema;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.DnNames;
import org.larch.conf.ConfigFile;
import org.larch.conf.LarchConfig;
import org.larch.server.ServerSettings;

/** How the LDIF tools (import, export) find the directory: the configuration {@code larch serve} reads. */
final class DirectoryConfigs {
    private DirectoryConfigs() {
    }

    /** {@code file}, or the embedded default (relative to the working directory) when null. */
    static LarchConfig read(Path file) {
        return file == null ? ConfigFile.embeddedDefault(Path.of("").toAbsolutePath(), System.getenv())
                : ConfigFile.parse(file);
    }

    /** The backend's settings of {@code config} (the root password and features do not matter offline). */
    static DirectorySettings settings(LarchConfig config) {
        return ServerSettings.directory(config, null, new ServerSettings.Features(List.of(), List.of()), "tool");
    }

    /** Opens the store of an existing data directory; a missing one is named, not created. */
    static DirectoryStore openExisting(DirectorySettings settings) {
        if (!Files.isDirectory(settings.directory())) {
            throw new IllegalStateException("no data directory " + settings.directory());
        }
        return open(settings);
    }

    /** Opens (creating as needed) the store of {@code settings}. */
    static DirectoryStore open(DirectorySettings settings) {
        DirectorySchema schema = DirectorySchema.load(settings.schemaFiles());
        return DirectoryStore.open(settings.directory(), settings.maxSizeBytes(),
                DnNames.parse(schema.schemaManager(), settings.suffix()), schema);
    }
}
