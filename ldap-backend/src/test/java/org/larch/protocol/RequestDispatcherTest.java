package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrency within one connection: interleaved responses, abandon, and a bind that waits. */
class RequestDispatcherTest extends ServerTest {
    private static final int EXTRA_ENTRIES = 40;
    private static final int TOTAL_ENTRIES = 4 + EXTRA_ENTRIES;

    @BeforeEach
    void slowDirectory() {
        for (int i = 0; i < EXTRA_ENTRIES; i++) {
            directory.add(InMemoryDirectory.entry("cn=filler" + i + ",dc=example,dc=com", "objectClass", "device", "cn", "filler" + i));
        }
        directory.delayPerEntryMillis = 50;
    }

    @Test
    void abandonStopsALongSearchAndNoResultIsSent() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            CollectingListener listener = new CollectingListener(3);
            AsyncRequestID id = connection.asyncSearch(new SearchRequest(listener, "dc=example,dc=com", SearchScope.SUB,
                    "(objectClass=*)"));
            assertTrue(listener.firstEntries.await(10, TimeUnit.SECONDS));
            connection.abandon(id);
            int afterAbandon = listener.entries.get();
            Thread.sleep(1000);
            assertTrue(listener.entries.get() <= afterAbandon + 1, "entries kept coming: " + listener.entries.get());
            assertTrue(listener.entries.get() < TOTAL_ENTRIES);
            assertNull(listener.result.get(), "an abandoned search gets no SearchResultDone");
            assertEquals("", BindHandlerTest.whoAmI(connection), "the connection still serves");
        }
    }

    @Test
    void aQuickOperationAnswersWhileALongSearchStreams() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            CollectingListener listener = new CollectingListener(1);
            AsyncRequestID id = connection.asyncSearch(new SearchRequest(listener, "dc=example,dc=com", SearchScope.SUB,
                    "(objectClass=*)"));
            assertTrue(listener.firstEntries.await(10, TimeUnit.SECONDS));
            assertTrue(connection.compare("uid=bob,ou=people,dc=example,dc=com", "sn", "Builder").compareMatched());
            assertNull(listener.result.get(), "the search is still running");
            SearchResult done = id.get(30, TimeUnit.SECONDS) instanceof SearchResult result ? result : null;
            assertEquals(TOTAL_ENTRIES, done.getEntryCount());
        }
    }

    @Test
    void bindWaitsForOutstandingOperations() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            CollectingListener listener = new CollectingListener(1);
            connection.asyncSearch(new SearchRequest(listener, "dc=example,dc=com", SearchScope.SUB, "(objectClass=*)"));
            assertTrue(listener.firstEntries.await(10, TimeUnit.SECONDS));
            assertFalse(listener.done.getCount() == 0);
            connection.bind(InMemoryDirectory.ROOT_DN, InMemoryDirectory.ROOT_PASSWORD);
            assertEquals(TOTAL_ENTRIES, listener.result.get().getEntryCount(), "the search finished before the bind answered");
        }
    }

    @Test
    void closingTheServerDoesNotInterruptARunningOperation() throws Exception {
        int longPauseMillis = 2000;
        LDAPConnection connection = server.connect();
        CollectingListener listener = new CollectingListener(1);
        connection.asyncSearch(new SearchRequest(listener, "dc=example,dc=com", SearchScope.SUB, "(objectClass=*)"));
        assertTrue(listener.firstEntries.await(10, TimeUnit.SECONDS));
        directory.delayPerEntryMillis = longPauseMillis;
        Thread.sleep(100);
        server.close();
        Thread.sleep(longPauseMillis + 500);
        connection.close();
        assertFalse(directory.operationInterrupted, "closing the server interrupted an operation thread");
    }

    private static final class CollectingListener implements AsyncSearchResultListener {
        final AtomicInteger entries = new AtomicInteger();
        final CountDownLatch firstEntries;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<SearchResult> result = new AtomicReference<>();

        CollectingListener(int firstEntriesToWaitFor) {
            firstEntries = new CountDownLatch(firstEntriesToWaitFor);
        }

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            entries.incrementAndGet();
            firstEntries.countDown();
        }

        @Override
        public void searchReferenceReturned(SearchResultReference reference) {}

        @Override
        public void searchResultReceived(AsyncRequestID requestId, SearchResult searchResult) {
            result.set(searchResult);
            done.countDown();
        }
    }
}
