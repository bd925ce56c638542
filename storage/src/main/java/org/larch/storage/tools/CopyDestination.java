package org.larch.storage.tools;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.larch.storage.Env;
import org.larch.storage.StorageException;

/**
 * The directory a copy goes to. It must not hold an environment; the copy is written to
 * {@value #PARTIAL_FILE} and renamed to the data file only once complete and synced, so an interrupted
 * copy never looks like an environment.
 */
final class CopyDestination {
    static final String PARTIAL_FILE = Env.DATA_FILE + ".partial";

    private final Path directory;

    private CopyDestination(Path directory) {
        this.directory = directory;
    }

    /** Writes the copy's data file at the path it is given. */
    @FunctionalInterface
    interface Writer {
        CopyResult write(Path partialFile);
    }

    /** Checks that {@code directory} holds no environment, creating it if needed. */
    static CopyDestination prepare(Path directory) {
        if (Files.exists(directory.resolve(Env.DATA_FILE))) {
            throw new StorageException("cannot copy into " + directory + ": it already holds an environment ("
                    + Env.DATA_FILE + "); choose an empty directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StorageException("cannot create copy directory " + directory + ": " + e, e);
        }
        return new CopyDestination(directory);
    }

    /** Runs {@code writer} on the partial file, syncs it and renames it into place; on failure removes it. */
    CopyResult write(Writer writer) {
        Path partial = claimPartialFile();
        try {
            CopyResult written = writer.write(partial);
            Path dataFile = publish(partial);
            return new CopyResult(dataFile, written.txnId(), written.pages(), written.sizeBytes(),
                    written.compacted());
        } catch (RuntimeException | Error e) {
            deleteQuietly(partial, e);
            throw e;
        }
    }

    private Path claimPartialFile() {
        Path partial = directory.resolve(PARTIAL_FILE);
        try {
            Files.createFile(partial);
            return partial;
        } catch (FileAlreadyExistsException e) {
            throw new StorageException("cannot copy into " + directory + ": " + PARTIAL_FILE
                    + " exists (another copy is under way, or one was interrupted: remove the file)", e);
        } catch (IOException e) {
            throw new StorageException("cannot create " + partial + ": " + e, e);
        }
    }

    private Path publish(Path partial) {
        Path dataFile = directory.resolve(Env.DATA_FILE);
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, dataFile);
            syncDirectory();
            return dataFile;
        } catch (IOException e) {
            throw new StorageException("cannot finish the copy " + dataFile + ": " + e, e);
        }
    }

    /** Makes the rename durable where the platform allows syncing a directory (Linux does). */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a directory; the data file itself is synced already
        }
    }

    private static void deleteQuietly(Path partial, Throwable failure) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
