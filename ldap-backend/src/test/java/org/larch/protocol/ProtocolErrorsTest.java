package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import com.unboundid.asn1.ASN1StreamReader;
import com.unboundid.ldap.protocol.AddRequestProtocolOp;
import com.unboundid.ldap.protocol.ExtendedRequestProtocolOp;
import com.unboundid.ldap.protocol.ExtendedResponseProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Malformed and oversized PDUs written raw on a socket: a notice of disconnection, never a crash or hang. */
class ProtocolErrorsTest extends ServerTest {
    private static final String NOTICE_OF_DISCONNECTION = "1.3.6.1.4.1.1466.20036";
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    @Test
    void undecodablePduGetsANoticeOfDisconnectionAndTheServerServesOthers() throws Exception {
        byte[] reply = exchange(new byte[] {0x04, 0x02, 0x41, 0x41});
        assertNoticeOfDisconnection(reply);
        try (LDAPConnection other = server.connect()) {
            assertEquals(4, other.search("dc=example,dc=com", SearchScope.SUB, "(objectClass=*)").getEntryCount());
        }
    }

    @Test
    void pduOverTheSizeLimitGetsANoticeOfDisconnection() throws Exception {
        int length = RunningServer.MAX_PDU_BYTES * 2;
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.writeBytes(new byte[] {0x30, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length});
        pdu.writeBytes(new byte[] {0x02, 0x01, 0x01});
        pdu.writeBytes(new byte[length - 3]);
        assertNoticeOfDisconnection(exchange(pdu.toByteArray()));
    }

    @Test
    void badDnInARequestIsAnsweredUnderItsMessageIdAndTheConnectionStays() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            LDAPException failure = assertThrows(LDAPException.class,
                    () -> connection.add(new AddRequest("this is not a DN", new Attribute("objectClass", "top"))));
            assertEquals(ResultCode.INVALID_DN_SYNTAX, failure.getResultCode());
            assertEquals(1, connection.search("dc=example,dc=com", SearchScope.BASE, "(objectClass=*)").getEntryCount());
        }
    }

    @Test
    void aMalformedRequestDoesNotSwallowTheRequestPipelinedBehindIt() throws Exception {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(new LDAPMessage(1, new AddRequestProtocolOp("not a DN",
                java.util.List.of(new Attribute("objectClass", "top")))).encode().encode());
        both.writeBytes(new LDAPMessage(2, new ExtendedRequestProtocolOp(new WhoAmIExtendedRequest())).encode().encode());
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.getOutputStream().write(both.toByteArray());
            ASN1StreamReader reader = new ASN1StreamReader(socket.getInputStream());
            LDAPMessage first = LDAPMessage.readFrom(reader, false);
            LDAPMessage second = LDAPMessage.readFrom(reader, false);
            LDAPMessage add = first.getMessageID() == 1 ? first : second;
            LDAPMessage whoAmI = first.getMessageID() == 2 ? first : second;
            assertEquals(ResultCode.INVALID_DN_SYNTAX.intValue(), add.getAddResponseProtocolOp().getResultCode());
            assertEquals(ResultCode.SUCCESS.intValue(), whoAmI.getExtendedResponseProtocolOp().getResultCode());
        }
    }

    @Test
    void aMalformedSearchFilterIsProtocolErrorForThatSearchAndTheConnectionStays() throws Exception {
        // messageID 1, SearchRequest base "", scope 3, filter not [2] with no filter inside, attributes []
        byte[] malformed = java.util.HexFormat.of().parseHex("301a02010163150400" + "0a0103" + "0a0100020100020100010100"
                + "a200" + "3000");
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(malformed);
        both.writeBytes(new LDAPMessage(2, new ExtendedRequestProtocolOp(new WhoAmIExtendedRequest())).encode().encode());
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.getOutputStream().write(both.toByteArray());
            ASN1StreamReader reader = new ASN1StreamReader(socket.getInputStream());
            LDAPMessage first = LDAPMessage.readFrom(reader, false);
            LDAPMessage second = LDAPMessage.readFrom(reader, false);
            LDAPMessage search = first.getMessageID() == 1 ? first : second;
            LDAPMessage whoAmI = first.getMessageID() == 2 ? first : second;
            var done = search.getSearchResultDoneProtocolOp();
            assertEquals(ResultCode.PROTOCOL_ERROR.intValue(), done.getResultCode());
            assertTrue(done.getDiagnosticMessage().contains("holds 0 filters"), done.getDiagnosticMessage());
            assertEquals(ResultCode.SUCCESS.intValue(), whoAmI.getExtendedResponseProtocolOp().getResultCode());
        }
    }

    /**
     * Writes the request on its own thread while reading the reply: the server may close the connection
     * before an oversized PDU is written out (the write then fails with a broken pipe, which is fine).
     */
    private byte[] exchange(byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                } catch (java.io.IOException closedByTheServer) {
                    // the server stopped reading: its reply is what the test checks
                }
            });
            byte[] reply = readUntilClosed(socket.getInputStream());
            writer.join(SOCKET_TIMEOUT_MILLIS);
            return reply;
        }
    }

    /**
     * Everything the server sends until it closes the connection (a hang fails on the socket timeout); a
     * reset after the reply (unread request bytes left on the server) ends the reply too.
     */
    private static byte[] readUntilClosed(InputStream in) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (java.net.SocketException reset) {
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toByteArray();
    }

    private static void assertNoticeOfDisconnection(byte[] reply) throws Exception {
        LDAPMessage message = LDAPMessage.readFrom(new ASN1StreamReader(new ByteArrayInputStream(reply)), false);
        assertEquals(0, message.getMessageID());
        ExtendedResponseProtocolOp notice = message.getExtendedResponseProtocolOp();
        assertEquals(NOTICE_OF_DISCONNECTION, notice.getResponseOID());
        assertEquals(ResultCode.PROTOCOL_ERROR.intValue(), notice.getResultCode());
    }
}
