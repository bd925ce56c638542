package org.larch.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.asn1.ASN1StreamReader;
import com.unboundid.ldap.protocol.ExtendedRequestProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.larch.protocol.LdapServer;
import org.larch.protocol.ProtocolSettings;
import org.larch.protocol.TestDirectories;

/** Framing over a real socket: PDUs that share a segment, and a PDU that arrives byte by byte. */
class LdapPduDecoderTest {
    private LdapServer server;

    @BeforeEach
    void start() {
        server = new LdapServer(TestDirectories.inMemory(),
                new ProtocolSettings(List.of(URI.create("ldap://127.0.0.1:0")), null, null, 4096, 10, 0));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void severalPdusInOneWriteAreEachAnswered() throws Exception {
        try (Socket socket = connect()) {
            ByteArrayOutputStream three = new ByteArrayOutputStream();
            for (int id = 1; id <= 3; id++) {
                three.writeBytes(whoAmI(id));
            }
            socket.getOutputStream().write(three.toByteArray());
            assertEquals(List.of(1, 2, 3), responseIds(socket, 3).stream().sorted().toList());
        }
    }

    @Test
    void aPduArrivingByteByByteIsDecodedOnceComplete() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            for (byte b : whoAmI(7)) {
                out.write(b);
                out.flush();
                Thread.sleep(2);
            }
            assertEquals(List.of(7), responseIds(socket, 1));
        }
    }

    private Socket connect() throws Exception {
        Socket socket = new Socket("127.0.0.1", server.boundAddresses().getFirst().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static byte[] whoAmI(int messageId) {
        return new LDAPMessage(messageId, new ExtendedRequestProtocolOp(new WhoAmIExtendedRequest())).encode().encode();
    }

    private static List<Integer> responseIds(Socket socket, int count) throws Exception {
        ASN1StreamReader reader = new ASN1StreamReader(socket.getInputStream());
        java.util.ArrayList<Integer> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            LDAPMessage response = LDAPMessage.readFrom(reader, false);
            assertEquals(0, response.getExtendedResponseProtocolOp().getResultCode());
            ids.add(response.getMessageID());
        }
        return ids;
    }
}
