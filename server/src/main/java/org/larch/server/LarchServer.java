package org.larch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.larch.backend.DirectorySettings;
import org.larch.backend.LarchDirectory;
import org.larch.backend.ldif.DirectoryOwnerLock;
import org.larch.conf.LarchConfig;
import org.larch.protocol.LdapServer;
import org.larch.protocol.SupportedFeatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Larch server: the directory opened on the configured data directory and the LDAP front end
 * listening on the configured URLs. What {@code larch serve} runs, and what integration tests start.
 *
 * <p>{@link #close()} stops listening first (open connections are closed), then waits up to
 * {@link #DRAIN_TIMEOUT_MILLIS} for operations in progress to end, then closes the directory.
 */
public final class LarchServer implements AutoCloseable {
    static final long DRAIN_TIMEOUT_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(LarchServer.class);

    private final LarchConfig config;
    private final DrainingDirectory directory;
    private final LdapServer ldapServer;
    private final RootPassword rootPassword;
    private final DirectoryOwnerLock ownerLock;
    private final CountDownLatch closed = new CountDownLatch(1);

    private LarchServer(LarchConfig config, DrainingDirectory directory, LdapServer ldapServer, RootPassword rootPassword,
            DirectoryOwnerLock ownerLock) {
        this.config = config;
        this.ownerLock = ownerLock;
        this.directory = directory;
        this.ldapServer = ldapServer;
        this.rootPassword = rootPassword;
    }

    /**
     * Opens the directory and starts listening. A port that cannot be bound is an
     * {@link IllegalStateException} naming the URL; nothing stays open then.
     */
    public static LarchServer start(LarchConfig config) {
        LogLevels.apply(config.logging());
        createDataDirectory(config);
        DirectoryOwnerLock ownerLock = DirectoryOwnerLock.claim(config.directory(), "the server");
        try {
            return start(config, ownerLock);
        } catch (RuntimeException e) {
            ownerLock.close();
            throw e;
        }
    }

    /** Starts, holding the data directory's owner lock (which {@link #close()} releases). */
    private static LarchServer start(LarchConfig config, DirectoryOwnerLock ownerLock) {
        RootPassword rootPassword = RootPassword.resolve(config);
        DirectorySettings settings = ServerSettings.directory(config, rootPassword.configured(),
                new ServerSettings.Features(SupportedFeatures.controls(), SupportedFeatures.extensions()),
                vendorVersion());
        DrainingDirectory directory = new DrainingDirectory(openDirectory(config, settings));
        LdapServer ldapServer = new LdapServer(directory, ServerSettings.protocol(config));
        try {
            ldapServer.start();
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
        LarchServer server = new LarchServer(config, directory, ldapServer, rootPassword, ownerLock);
        LOG.info("larch started: serving {} at {} (data in {})", config.suffix(),
                String.join(" ", server.urls().stream().map(URI::toString).toList()), config.directory());
        return server;
    }

    private static LarchDirectory openDirectory(LarchConfig config, DirectorySettings settings) {
        try {
            return LarchDirectory.open(settings);
        } catch (IllegalArgumentException e) {
            throw IndexAttributeCheck.explain(config, e);
        }
    }

    /** The configuration the server runs on. */
    public LarchConfig config() {
        return config;
    }

    /** The URLs actually listened on, in {@code listen} order (port 0 replaced by the bound port). */
    public List<URI> urls() {
        List<InetSocketAddress> bound = ldapServer.boundAddresses();
        List<URI> urls = new ArrayList<>();
        for (int index = 0; index < bound.size(); index++) {
            URI configured = config.listen().get(index);
            urls.add(URI.create(configured.getScheme() + "://" + configured.getHost() + ":" + bound.get(index).getPort()));
        }
        return urls;
    }

    /** The root password generated on this start (first start of the embedded default only). */
    public Optional<String> generatedRootPassword() {
        return rootPassword.generatedPlainText();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            ldapServer.close();
            drainOperations();
            directory.close();
            ownerLock.close();
            LOG.info("larch stopped");
        } finally {
            closed.countDown();
        }
    }

    private void drainOperations() {
        try {
            int unfinished = directory.drain(DRAIN_TIMEOUT_MILLIS);
            if (unfinished > 0) {
                LOG.warn("{} operations still running after {} ms; closing the directory anyway",
                        unfinished, DRAIN_TIMEOUT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String vendorVersion() {
        try {
            return Main.Version.version();
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    private static void createDataDirectory(LarchConfig config) {
        try {
            Files.createDirectories(config.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.directory() + ": " + e.getMessage(), e);
        }
    }
}
