package org.larch.protocol.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.directory.api.ldap.model.entry.DefaultAttribute;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.junit.jupiter.api.Test;
import org.larch.backend.LdapOperationException;

class ControlValuesTest {

    @Test
    void assertionFilterFromGoldenBytes() {
        // (&(sn=x)(cn=*))  =  [0] { [3] { "sn", "x" }, [7] "cn" }
        byte[] filter = {(byte) 0xa0, 0x0d, (byte) 0xa3, 0x07, 0x04, 0x02, 's', 'n', 0x04, 0x01, 'x',
            (byte) 0x87, 0x02, 'c', 'n'};
        assertEquals("(&(sn=x)(cn=*))", ControlValues.filter("assertion", filter).toString());
    }

    @Test
    void assertionFiltersTheLdapApiRefusedAreDecoded() {
        // (&) (RFC 4526) and (!(uid<=v)): the LDAP API's decoder rejected both
        assertEquals("(&)", ControlValues.filter("assertion", new byte[] {(byte) 0xa0, 0x00}).toString());
        byte[] notLessOrEqual = {(byte) 0xa2, 0x0a, (byte) 0xa6, 0x08, 0x04, 0x03, 'u', 'i', 'd', 0x04, 0x01, 'v'};
        assertEquals("(!(uid<=v))", ControlValues.filter("assertion", notLessOrEqual).toString());
    }

    @Test
    void attributeSelectionFromGoldenBytes() {
        byte[] selection = {0x30, 0x08, 0x04, 0x02, 'c', 'n', 0x04, 0x02, 's', 'n'};
        assertEquals(List.of("cn", "sn"), ControlValues.attributeSelection("pre-read", selection));
        assertEquals(List.of(), ControlValues.attributeSelection("pre-read", new byte[] {0x30, 0x00}));
    }

    @Test
    void valuesReturnFilterItemsFromGoldenBytes() {
        // SEQUENCE { [3] { "cn", "a" }, [7] "mail" }
        byte[] value = {0x30, 0x0f, (byte) 0xa3, 0x07, 0x04, 0x02, 'c', 'n', 0x04, 0x01, 'a',
            (byte) 0x87, 0x04, 'm', 'a', 'i', 'l'};
        List<String> items = ControlValues.valuesReturnFilter("values return filter", value).stream()
                .map(Object::toString).toList();
        assertEquals(List.of("(cn=a)", "(mail=*)"), items);
    }

    @Test
    void garbageIsProtocolErrorNamingTheControl() {
        LdapOperationException failure = assertThrows(LdapOperationException.class,
                () -> ControlValues.filter("assertion", new byte[] {0x01, 0x01, 0x00}));
        assertEquals(ResultCodeEnum.PROTOCOL_ERROR, failure.resultCode());
        assertEquals(true, failure.getMessage().contains("assertion control"));
    }

    @Test
    void readEntryEncodesAsASearchResultEntry() throws Exception {
        DefaultEntry entry = new DefaultEntry(new Dn("cn=x"));
        entry.add(new DefaultAttribute("sn", "y"));
        // [APPLICATION 4] { "cn=x", { { "sn", { "y" } } } }
        byte[] expected = {0x64, 0x13, 0x04, 0x04, 'c', 'n', '=', 'x', 0x30, 0x0b,
            0x30, 0x09, 0x04, 0x02, 's', 'n', 0x31, 0x03, 0x04, 0x01, 'y'};
        assertArrayEquals(expected, ControlValues.searchResultEntry(entry));
    }
}
