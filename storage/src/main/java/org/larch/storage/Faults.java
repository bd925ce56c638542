package org.larch.storage;

/**
 * The one place where low-level failures become the engine's exceptions: a fault reading the
 * mapping (file truncated underneath, I/O error), an out-of-bounds read (a corrupt page), a mapping
 * closed by {@link Env#close()} while a reader used it.
 */
final class Faults {
    private Faults() {
    }

    static RuntimeException translate(Env env, Throwable error) {
        RuntimeException translated = name(env, error);
        if (translated instanceof CorruptedException corrupted) {
            env.corruptionFound(corrupted);
        }
        return translated;
    }

    private static RuntimeException name(Env env, Throwable error) {
        return switch (error) {
            case StorageException storage -> storage;
            case InternalError fault -> new StorageException("memory access fault reading " + env.path()
                    + " (file truncated underneath or an I/O error)", fault);
            case IndexOutOfBoundsException bounds -> new CorruptedException("a page of " + env.path()
                    + " points outside itself (corrupt page): " + bounds.getMessage(), bounds);
            case IllegalStateException closed when env.isClosed() -> new BadTxnException("environment "
                    + env.path() + " was closed while in use");
            case RuntimeException other -> other;
            case Error other -> throw other;
            default -> new StorageException(error.toString(), error);
        };
    }

    /** Whether a failed write operation may have left the transaction's pages half-changed. */
    static boolean leavesTxnInconsistent(RuntimeException error) {
        return !(error instanceof KeyExistsException || error instanceof IncompatibleException
                || error instanceof BadValueSizeException || error instanceof NotFoundException
                || error instanceof BadTxnException || error instanceof IllegalArgumentException);
    }
}
