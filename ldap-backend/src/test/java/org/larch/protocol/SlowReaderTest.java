package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.asn1.ASN1StreamReader;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that does not read: the search waits for it instead of queueing every entry in memory. */
class SlowReaderTest extends ServerTest {
    private static final int ENTRIES = 300;
    private static final int VALUE_BYTES = 100_000;

    @Test
    void aSearchWaitsForAClientThatDoesNotRead() throws Exception {
        String bulk = "x".repeat(VALUE_BYTES);
        for (int i = 0; i < ENTRIES; i++) {
            directory.add(InMemoryDirectory.entry("cn=big" + i + ",dc=example,dc=com", "objectClass", "device",
                    "cn", "big" + i, "description", bulk));
        }
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(new LDAPMessage(1, new SearchRequestProtocolOp("dc=example,dc=com",
                    SearchScope.ONE, DereferencePolicy.NEVER, 0, 0, false, Filter.create("(cn=big*)"), List.of()))
                    .encode().encode());
            Thread.sleep(2000);
            int streamedWhileNotReading = directory.entriesStreamed.get();
            assertTrue(streamedWhileNotReading < ENTRIES / 2,
                    "the search ran ahead of the client: " + streamedWhileNotReading + " entries");
            assertEquals(ENTRIES, readEntriesUntilDone(socket));
        }
    }

    private static int readEntriesUntilDone(Socket socket) throws Exception {
        ASN1StreamReader reader = new ASN1StreamReader(socket.getInputStream(), 2 * VALUE_BYTES);
        int entries = 0;
        while (true) {
            LDAPMessage message = LDAPMessage.readFrom(reader, false);
            if (message.getProtocolOpType() == LDAPMessage.PROTOCOL_OP_TYPE_SEARCH_RESULT_DONE) {
                assertEquals(0, message.getSearchResultDoneProtocolOp().getResultCode());
                return entries;
            }
            entries++;
        }
    }
}
