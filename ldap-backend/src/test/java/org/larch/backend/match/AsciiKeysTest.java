package org.larch.backend.match;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiKeysTest {

    @Test
    void caseIgnoreLowercasesCollapsesAndTrims() {
        assertEquals("hello world", key(RuleFamily.CASE_IGNORE, "  Hello   WORLD "));
        assertEquals("", key(RuleFamily.CASE_IGNORE, "   "));
        assertEquals("", key(RuleFamily.CASE_IGNORE, ""));
    }

    @Test
    void caseExactKeepsCase() {
        assertEquals("/home/X y", key(RuleFamily.CASE_EXACT, " /home/X  y "));
    }

    @Test
    void telephoneNumbersLoseSpacesAndHyphens() {
        assertEquals("+15551234567", key(RuleFamily.TELEPHONE_NUMBER, " +1 555-123 4567 "));
    }

    @Test
    void valuesBeyondPrintableAsciiAndOtherFamiliesTakeTheGeneralPath() {
        assertNull(AsciiKeys.keyOrNull(RuleFamily.CASE_IGNORE, "été".getBytes(UTF_8)));
        assertNull(AsciiKeys.keyOrNull(RuleFamily.CASE_IGNORE, "a\tb".getBytes(US_ASCII)));
        assertNull(AsciiKeys.keyOrNull(RuleFamily.CASE_IGNORE, "a\u007Fb".getBytes(US_ASCII)));
        assertNull(AsciiKeys.keyOrNull(RuleFamily.NUMERIC_STRING, "12 34".getBytes(US_ASCII)));
    }

    /** The fast path's keys are byte for byte those of RFC 4518 preparation through Strings. */
    @Test
    void randomPrintableValuesGetTheGeneralPathsKeys() {
        Random random = new Random(20261122);
        for (int round = 0; round < 20_000; round++) {
            String value = randomPrintable(random);
            byte[] bytes = value.getBytes(US_ASCII);
            assertArrayEquals(StringPreparation.prepare(value, true).getBytes(UTF_8),
                    AsciiKeys.keyOrNull(RuleFamily.CASE_IGNORE, bytes), value);
            assertArrayEquals(StringPreparation.prepare(value, false).getBytes(UTF_8),
                    AsciiKeys.keyOrNull(RuleFamily.CASE_EXACT, bytes), value);
            assertArrayEquals(StringPreparation.prepare(value, true).replace(" ", "").replace("-", "").getBytes(UTF_8),
                    AsciiKeys.keyOrNull(RuleFamily.TELEPHONE_NUMBER, bytes), value);
        }
    }

    private static String randomPrintable(Random random) {
        String alphabet = "  aZ-9.~@";
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(12);
        for (int index = 0; index < length; index++) {
            value.append(random.nextBoolean()
                    ? alphabet.charAt(random.nextInt(alphabet.length()))
                    : (char) (' ' + random.nextInt('~' - ' ' + 1)));
        }
        return value.toString();
    }

    private static String key(RuleFamily family, String value) {
        return new String(AsciiKeys.keyOrNull(family, value.getBytes(US_ASCII)), US_ASCII);
    }
}
