package org.larch.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ExtendedRequestNameTest {

    @Test
    void goldenExtendedRequestGivesItsName() {
        // LDAPMessage { id 1, ExtendedRequest { [0] "1.2.3" } }
        byte[] pdu = {0x30, 0x0c, 0x02, 0x01, 0x01, 0x77, 0x07, (byte) 0x80, 0x05, '1', '.', '2', '.', '3'};
        assertEquals("1.2.3", ExtendedRequestName.read(pdu));
    }

    @Test
    void otherRequestsHaveNoName() {
        // LDAPMessage { id 1, DelRequest "cn=x" }
        byte[] pdu = {0x30, 0x09, 0x02, 0x01, 0x01, 0x4a, 0x04, 'c', 'n', '=', 'x'};
        assertNull(ExtendedRequestName.read(pdu));
    }
}
