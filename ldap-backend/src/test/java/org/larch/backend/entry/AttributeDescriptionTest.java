package org.larch.backend.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeDescriptionTest {

    @Test
    void aTypeWithoutOptionsIsItsOwnTrimmedText() {
        AttributeDescription cn = AttributeDescription.parse(" commonName ");
        assertEquals("commonName", cn.text());
        assertEquals("commonName", cn.type());
        assertEquals(List.of(), cn.options());
        assertEquals("commonname", cn.typeKey());
        assertEquals(List.of(), cn.optionKeys());
    }

    @Test
    void optionsKeepTheirSpellingAndKeyLowercasedAndSorted() {
        AttributeDescription cn = AttributeDescription.parse("CN;lang-EN;Binary");
        assertEquals("CN;lang-EN;Binary", cn.text());
        assertEquals("CN", cn.type());
        assertEquals(List.of("lang-EN", "Binary"), cn.options());
        assertEquals("cn", cn.typeKey());
        assertEquals(List.of("binary", "lang-en"), cn.optionKeys());
    }

    @Test
    void emptyTrailingOptionsAreDroppedAsStringSplitDoes() {
        AttributeDescription cn = AttributeDescription.parse("cn;");
        assertEquals("cn", cn.type());
        assertEquals(List.of(), cn.options());
    }

    @Test
    void sameAsIgnoresCaseAndOptionOrder() {
        assertTrue(AttributeDescription.parse("cn;lang-en;binary").sameAs(AttributeDescription.parse("CN;Binary;LANG-EN")));
        assertFalse(AttributeDescription.parse("cn;lang-en").sameAs(AttributeDescription.parse("cn")));
        assertFalse(AttributeDescription.parse("cn").sameAs(AttributeDescription.parse("sn")));
    }

    @Test
    void equalityIsOverTheWrittenFormsAsForTheRecordItWas() {
        AttributeDescription a = AttributeDescription.parse("cn;lang-en");
        AttributeDescription b = new AttributeDescription("cn;lang-en", "cn", List.of("lang-en"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, AttributeDescription.parse("CN;lang-en"));
        assertEquals("AttributeDescription[text=cn;lang-en, type=cn, options=[lang-en]]", a.toString());
    }
}
