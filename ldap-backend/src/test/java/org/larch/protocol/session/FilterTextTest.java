package org.larch.protocol.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.ldap.sdk.Filter;
import org.junit.jupiter.api.Test;
import org.larch.protocol.codec.FilterDecoder;

class FilterTextTest {

    @Test
    void extensibleMatchPrintsAsRfc4515EvenNested() throws Exception {
        assertText("(cn:caseExactMatch:=x)");
        assertText("(ou:=sales)");
        assertText("(:dn:2.5.13.5:=people)");
        assertText("(ou:dn:=sales)");
        assertText("(&(!(ou:=a\\2Ab))(|(cn=x)(sn=*)))");
    }

    @Test
    void emptyBranchesAndSimpleFilters() throws Exception {
        assertText("(&)");
        assertText("(|)");
        assertText("(!(uid<=v))");
        assertText("(cn=a*b*c)");
    }

    private static void assertText(String filter) throws Exception {
        assertEquals(filter, FilterText.of(FilterDecoder.decode(Filter.create(filter).encode().encode())));
    }
}
