package org.larch.storage.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * Accounts for the pages of one snapshot: each of pages 2 to {@code lastPage} (0 and 1 are the meta
 * pages) must be claimed exactly once, by a tree that reaches it or by a free-page record that lists
 * it. A second claim is reported when it is made, an unclaimed page at the end.
 */
final class PageLedger {
    static final long FIRST_PAGE = 2;

    private final long lastPage;
    private final int[] claimantOf;
    private final List<Claimant> claimants = new ArrayList<>();
    private final Findings findings;

    /** Who claims pages: a tree (its pages are in use) or a free-page record (its pages are free). */
    record Claimant(String name, boolean free) {
    }

    PageLedger(long lastPage, Findings findings) {
        this.lastPage = lastPage;
        this.claimantOf = new int[Math.toIntExact(lastPage + 1)];
        this.findings = findings;
        claimants.add(null);
    }

    /** Registers who will claim pages; the id it returns is passed to {@link #claim}. */
    int register(String name, boolean free) {
        claimants.add(new Claimant(name, free));
        return claimants.size() - 1;
    }

    boolean inRange(long pageNumber) {
        return pageNumber >= FIRST_PAGE && pageNumber <= lastPage;
    }

    /** Claims a page; false (and reported) when it is outside the snapshot or claimed already. */
    boolean claim(long pageNumber, int claimantId) {
        Claimant claimant = claimants.get(claimantId);
        if (!inRange(pageNumber)) {
            findings.problem("page " + pageNumber + " (" + claimant.name() + ") is outside the snapshot's pages "
                    + FIRST_PAGE + " to " + lastPage);
            return false;
        }
        int earlier = claimantOf[(int) pageNumber];
        if (earlier != 0) {
            findings.problem(doubleClaim(pageNumber, claimants.get(earlier), claimant));
            return false;
        }
        claimantOf[(int) pageNumber] = claimantId;
        return true;
    }

    /** Reports the pages nobody claimed, as runs. */
    void reportUnclaimed() {
        long runStart = -1;
        for (long page = FIRST_PAGE; page <= lastPage + 1; page++) {
            boolean unclaimed = page <= lastPage && claimantOf[(int) page] == 0;
            if (unclaimed && runStart < 0) {
                runStart = page;
            } else if (!unclaimed && runStart >= 0) {
                findings.problem(unclaimedRun(runStart, page - 1));
                runStart = -1;
            }
        }
    }

    /** Pages claimed by trees. */
    long usedPages() {
        return countClaimed(false);
    }

    /** Pages claimed by free-page records. */
    long freePages() {
        return countClaimed(true);
    }

    private long countClaimed(boolean free) {
        long count = 0;
        for (int id : claimantOf) {
            if (id != 0 && claimants.get(id).free() == free) {
                count++;
            }
        }
        return count;
    }

    private static String doubleClaim(long pageNumber, Claimant earlier, Claimant later) {
        String page = "page " + pageNumber;
        if (earlier.free() && later.free()) {
            return page + " is listed free twice: by " + earlier.name() + " and by " + later.name();
        }
        if (earlier.free() || later.free()) {
            Claimant free = earlier.free() ? earlier : later;
            Claimant used = earlier.free() ? later : earlier;
            return page + " is listed free by " + free.name() + " but is in use by " + used.name();
        }
        return page + " is reached twice: from " + earlier.name() + " and from " + later.name();
    }

    private static String unclaimedRun(long first, long last) {
        String pages = first == last ? "page " + first + " is" : "pages " + first + " to " + last + " are";
        return pages + " neither reached from a tree nor listed free (leaked)";
    }
}
