package org.larch.server;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.larch.backend.Directory;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.EntryModification;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSink;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;
import org.larch.backend.schema.DirectorySchema;

/**
 * The directory as the front end sees it during shutdown: counts the operations in progress so that
 * {@link #drain(long)} can wait for them (bounded) before the real directory is closed, and refuses new
 * ones once draining started (UNAVAILABLE, as slapd answers while shutting down).
 */
final class DrainingDirectory implements Directory {
    private final Directory directory;
    private final Object lock = new Object();
    private int inFlight;
    private boolean draining;

    DrainingDirectory(Directory directory) {
        this.directory = directory;
    }

    /**
     * Refuses new operations and waits up to {@code timeoutMillis} for those running to end.
     *
     * @return the number still running when the wait ended (0 if all finished)
     */
    int drain(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            draining = true;
            while (inFlight > 0) {
                long remainingNanos = deadline - System.nanoTime();
                if (remainingNanos <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remainingNanos);
            }
            return inFlight;
        }
    }

    @Override
    public DirectorySchema schema() {
        return directory.schema();
    }

    @Override
    public Identity bind(Dn dn, byte[] password) {
        return run(() -> directory.bind(dn, password));
    }

    @Override
    public SearchOutcome search(Identity who, SearchSpec spec, SearchSink sink) {
        return run(() -> directory.search(who, spec, sink));
    }

    @Override
    public UpdateOutcome add(Identity who, DirectoryEntry entry, UpdateControls controls) {
        return run(() -> directory.add(who, entry, controls));
    }

    @Override
    public UpdateOutcome delete(Identity who, Dn dn, UpdateControls controls) {
        return run(() -> directory.delete(who, dn, controls));
    }

    @Override
    public UpdateOutcome modify(Identity who, Dn dn, List<EntryModification> modifications, UpdateControls controls) {
        return run(() -> directory.modify(who, dn, modifications, controls));
    }

    @Override
    public UpdateOutcome modifyDn(Identity who, Dn dn, Rdn newRdn, boolean deleteOldRdn, Dn newSuperior,
            UpdateControls controls) {
        return run(() -> directory.modifyDn(who, dn, newRdn, deleteOldRdn, newSuperior, controls));
    }

    @Override
    public boolean compare(Identity who, Dn dn, String attributeDescription, byte[] value, UpdateControls controls) {
        return run(() -> directory.compare(who, dn, attributeDescription, value, controls));
    }

    @Override
    public byte[] modifyPassword(Identity who, Dn target, byte[] oldPassword, byte[] newPassword) {
        return run(() -> directory.modifyPassword(who, target, oldPassword, newPassword));
    }

    /** Closes the real directory (call {@link #drain(long)} first). */
    @Override
    public void close() {
        directory.close();
    }

    private <T> T run(Supplier<T> operation) {
        enter();
        try {
            return operation.get();
        } finally {
            leave();
        }
    }

    private void enter() {
        synchronized (lock) {
            if (draining) {
                throw new LdapOperationException(ResultCodeEnum.UNAVAILABLE, "the server is shutting down");
            }
            inFlight++;
        }
    }

    private void leave() {
        synchronized (lock) {
            if (--inFlight == 0) {
                lock.notifyAll();
            }
        }
    }
}
