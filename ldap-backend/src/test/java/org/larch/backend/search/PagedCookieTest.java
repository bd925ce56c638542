package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.larch.backend.LdapOperationException;
import org.junit.jupiter.api.Test;

class PagedCookieTest {

    @Test
    void layout() {
        PagedCookie cookie = new PagedCookie(PagedCookie.Kind.AT_POSITION, 0x0102, 0x0A0B0C0D);
        assertEquals("01" + "01" + "0000000000000102" + "0a0b0c0d", HexFormat.of().formatHex(cookie.encode()));
        assertEquals(cookie, PagedCookie.decode(cookie.encode(), PagedCookie.Kind.AT_POSITION, 0x0A0B0C0D));
        assertNull(PagedCookie.decode(new byte[0], PagedCookie.Kind.AT_POSITION, 1));
    }

    @Test
    void theWrongKindIsInvalid() {
        byte[] bytes = new PagedCookie(PagedCookie.Kind.AFTER_ID, 5, 1).encode();
        LdapOperationException invalid = assertThrows(LdapOperationException.class,
                () -> PagedCookie.decode(bytes, PagedCookie.Kind.AT_POSITION, 1));
        assertEquals(ResultCodeEnum.PROTOCOL_ERROR, invalid.resultCode());
    }
}
