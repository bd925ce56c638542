package org.larch.server.commands;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.StorageException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** How the operator tools (copy, check, dump, load) find and open environments. */
final class ToolEnvironments {
    /** Named databases a tool may open in one run: every one a dump or load meets. */
    static final int MAX_DBS = 1 << 16;

    private ToolEnvironments() {
    }

    /** For reading an environment that exists: read-only, any number of named databases. */
    static EnvConfig readOnly() {
        return EnvConfig.defaults().withMaxDbs(MAX_DBS).withFlags(EnvFlag.READ_ONLY);
    }

    /** For writing an environment, creating it if needed. */
    static EnvConfig writable() {
        return EnvConfig.defaults().withMaxDbs(MAX_DBS);
    }

    /** An I/O failure on a file named on the command line, said plainly ("no such file", not just the path). */
    static StorageException fileError(String doing, Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
        return new StorageException("cannot " + doing + " " + file + ": " + reason, e);
    }

    /**
     * The environment's directory. With {@code noSubdirectory} (mdb_dump's and mdb_load's {@code -n},
     * for LMDB's environments that are a bare data file) {@code path} must name the data file itself,
     * {@code DIR/larch.data}: a Larch environment is always a directory.
     */
    static Path directory(CommandSpec spec, Path path, boolean noSubdirectory) {
        if (!noSubdirectory) {
            return path;
        }
        Path name = path.getFileName();
        if (name == null || !name.toString().equals(Env.DATA_FILE)) {
            throw new ParameterException(spec.commandLine(), "with -n, the path must name the data file ("
                    + Env.DATA_FILE + ") of the environment, not " + path);
        }
        return path.toAbsolutePath().getParent();
    }

    /**
     * Where a command writes its text: {@code file} (UTF-8) when given, else the command's standard
     * output, which closing only flushes.
     */
    static Writer output(CommandSpec spec, Path file) {
        if (file != null) {
            try {
                return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw fileError("write", file, e);
            }
        }
        return new FilterWriter(spec.commandLine().getOut()) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
