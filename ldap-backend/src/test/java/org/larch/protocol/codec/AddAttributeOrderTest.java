package org.larch.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.ldap.protocol.AddRequestProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.DeleteRequestProtocolOp;
import com.unboundid.ldap.sdk.Attribute;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddAttributeOrderTest {

    @Test
    void goldenAddRequestGivesItsAttributeOrder() {
        // LDAPMessage { id 2, AddRequest { "cn=x", { { "sn", {"s"} }, { "CN;x-y", {"c"} } } } }
        byte[] pdu = {
            0x30, 0x25, 0x02, 0x01, 0x02, 0x68, 0x20,
            0x04, 0x04, 'c', 'n', '=', 'x',
            0x30, 0x18,
            0x30, 0x09, 0x04, 0x02, 's', 'n', 0x31, 0x03, 0x04, 0x01, 's',
            0x30, 0x0b, 0x04, 0x06, 'C', 'N', ';', 'x', '-', 'y', 0x31, 0x03, 0x04, 0x01, 'c'
        };
        assertEquals(List.of("sn", "CN;x-y"), AddAttributeOrder.read(pdu));
    }

    @Test
    void orderOfAnEncodedRequestWithManyAttributes() throws Exception {
        List<String> names = List.of("uid", "objectClass", "zeta", "alpha", "cn;lang-de", "mail", "sn", "b");
        Attribute[] attributes = names.stream().map(name -> new Attribute(name, "v")).toArray(Attribute[]::new);
        byte[] pdu = new LDAPMessage(9, new AddRequestProtocolOp("uid=u,dc=x", List.of(attributes))).encode().encode();
        assertEquals(names, AddAttributeOrder.read(pdu));
    }

    @Test
    void otherRequestsHaveNoOrder() {
        byte[] pdu = new LDAPMessage(3, new DeleteRequestProtocolOp("cn=x")).encode().encode();
        assertEquals(List.of(), AddAttributeOrder.read(pdu));
    }
}
