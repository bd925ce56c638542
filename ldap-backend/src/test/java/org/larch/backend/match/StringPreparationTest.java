package org.larch.backend.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringPreparationTest {

    @Test
    void commonAccentedLettersAreStableAndExpandingOnesAreNot() {
        for (char c : "ÀÉéüÜøØåñřŘŁłŒœßÿ".toCharArray()) {
            assertTrue(StringPreparation.isStableLetter(c), String.valueOf(c));
        }
        for (char c : "\u0130\u0132\u0133\u013F\u0140\u0149\u017F×÷\u00A0\u00AD".toCharArray()) {
            assertFalse(StringPreparation.isStableLetter(c), Integer.toHexString(c));
        }
    }

    /** Every pair of stable letters and printable ASCII prepares as the full map and NFKC steps do. */
    @Test
    void textOfStableLettersPreparesAsTheFullStepsDo() {
        List<Character> characters = new ArrayList<>();
        for (char c = ' '; c <= '~'; c++) {
            characters.add(c);
        }
        for (char c = '\u00C0'; c <= '\u017F'; c++) {
            if (StringPreparation.isStableLetter(c)) {
                characters.add(c);
            }
        }
        for (char first : characters) {
            for (char second : characters) {
                String text = " " + first + second + "  " + first;
                for (boolean foldCase : new boolean[] {true, false}) {
                    assertEquals(StringPreparation.normalizeInFull(text, foldCase).strip().replaceAll(" +", " "),
                            StringPreparation.prepare(text, foldCase), text);
                }
            }
        }
    }

    @Test
    void otherTextStillTakesTheFullSteps() {
        assertEquals("file", StringPreparation.prepare("ﬁle", true));
        assertEquals("i\u0307stanbul", StringPreparation.prepare("\u0130stanbul", true));
        assertEquals("softhyphen", StringPreparation.prepare("soft\u00ADhyphen", false));
        assertEquals("a b", StringPreparation.prepare("a\u00A0\u00A0b", false));
    }
}
