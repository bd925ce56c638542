package org.larch.protocol;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the wire tests: a fresh server over a fresh in-memory directory for each test. */
abstract class ServerTest {
    protected RunningServer server;
    protected InMemoryDirectory directory;

    @BeforeEach
    void startServer() {
        server = new RunningServer();
        directory = server.directory;
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
