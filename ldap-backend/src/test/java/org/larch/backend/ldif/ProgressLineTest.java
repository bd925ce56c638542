package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void entriesRateShareOfTheFileAndTimeLeft() {
        // a quarter of the file in 10 s: 30 s left
        assertEquals("larch import: 25,000 entries, 2,500 entries/s, 25%, ETA 30s",
                ProgressLine.format(25_000, 10_000_000_000L, 1_000, 4_000));
    }

    @Test
    void minutesAndHoursLeft() {
        assertEquals("larch import: 1,000 entries, 100 entries/s, 10%, ETA 1m30s",
                ProgressLine.format(1_000, 10_000_000_000L, 100, 1_000));
        assertEquals("larch import: 10 entries, 1 entries/s, 0%, ETA 2h46m",
                ProgressLine.format(10, 10_000_000_000L, 1, 1_000));
    }

    @Test
    void noShareOrTimeLeftWithoutAFileSize() {
        assertEquals("larch import: 5 entries, 5 entries/s", ProgressLine.format(5, 1_000_000_000L, 100, 0));
    }

    @Test
    void aFileThatGrewPastItsSizeShowsAHundredPercent() {
        assertEquals("larch import: 5 entries, 5 entries/s, 100%, ETA 0s", ProgressLine.format(5, 1_000_000_000L, 120, 100));
    }
}
