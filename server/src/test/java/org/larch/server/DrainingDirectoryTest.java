package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Directory;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DrainingDirectoryTest {
    private final CountDownLatch bindStarted = new CountDownLatch(1);
    private final CountDownLatch releaseBind = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    /** A directory whose bind blocks until released and whose close is recorded. */
    private final Directory slowDirectory = (Directory) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Directory.class}, (proxy, method, arguments) -> switch (method.getName()) {
                case "bind" -> {
                    bindStarted.countDown();
                    releaseBind.await();
                    yield Identity.anonymous();
                }
                case "close" -> {
                    closed.set(true);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @AfterEach
    void tearDown() {
        releaseBind.countDown();
        executor.shutdownNow();
    }

    @Test
    void drainWaitsForTheRunningOperation() throws Exception {
        DrainingDirectory directory = new DrainingDirectory(slowDirectory);
        Future<Identity> bind = executor.submit(() -> directory.bind(Dn.EMPTY_DN, new byte[0]));
        assertTrue(bindStarted.await(5, TimeUnit.SECONDS));
        Thread releaser = Thread.ofVirtual().start(() -> {
            sleep(100);
            releaseBind.countDown();
        });
        assertEquals(0, directory.drain(5_000));
        assertEquals(Identity.anonymous(), bind.get(1, TimeUnit.SECONDS));
        releaser.join();
    }

    @Test
    void drainGivesUpAfterItsTimeoutAndCountsWhatStillRuns() throws Exception {
        DrainingDirectory directory = new DrainingDirectory(slowDirectory);
        executor.submit(() -> directory.bind(Dn.EMPTY_DN, new byte[0]));
        assertTrue(bindStarted.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        assertEquals(1, directory.drain(200));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190));
    }

    @Test
    void operationsAfterDrainStartedAreRefusedAsUnavailable() throws Exception {
        DrainingDirectory directory = new DrainingDirectory(slowDirectory);
        assertEquals(0, directory.drain(10));
        LdapOperationException e = assertThrows(LdapOperationException.class,
                () -> directory.bind(Dn.EMPTY_DN, new byte[0]));
        assertEquals(ResultCodeEnum.UNAVAILABLE, e.resultCode());
        assertEquals("the server is shutting down", e.getMessage());
    }

    @Test
    void closeClosesTheRealDirectory() {
        new DrainingDirectory(slowDirectory).close();
        assertTrue(closed.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
