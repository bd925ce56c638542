package org.larch.backend.index;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * An immutable set of entry ids in ascending order: a candidate list of a search. Two forms, as
 * back-mdb's ID lists: a sorted array of ids, or a range (every id from {@code low} to {@code high}),
 * which stands for a set too large to list. A range is a superset of what it replaces, so it is only
 * used for candidates, every one of which the search checks against the filter.
 *
 * <p>Intersections are exact; a union that would list more than {@link #MAX_LISTED_IDS} ids, or
 * that involves a range, becomes the range covering both.
 */
public final class IdSet implements Iterable<Long> {
    /** The most ids a set lists before it becomes a range. */
    public static final int MAX_LISTED_IDS = 1 << 17;
    private static final IdSet EMPTY = new IdSet(new long[0], 0, 0, false);

    private final long[] ids;
    private final long low;
    private final long high;
    private final boolean range;

    private IdSet(long[] ids, long low, long high, boolean range) {
        this.ids = ids;
        this.low = low;
        this.high = high;
        this.range = range;
    }

    public static IdSet empty() {
        return EMPTY;
    }

    /** The given ids, in any order, duplicates allowed. */
    public static IdSet of(long... ids) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        int length = 0;
        for (int index = 0; index < sorted.length; index++) {
            if (length == 0 || sorted[length - 1] != sorted[index]) {
                sorted[length++] = sorted[index];
            }
        }
        return listed(Arrays.copyOf(sorted, length));
    }

    /** Every id from {@code low} to {@code high}, both included; empty if {@code low > high}. */
    public static IdSet range(long low, long high) {
        return low > high ? EMPTY : new IdSet(null, low, high, true);
    }

    /** Ids already strictly ascending (not checked beyond an assertion), as a cursor reads them. */
    static IdSet ofAscending(long[] ids, int length) {
        if (length > MAX_LISTED_IDS) {
            return range(ids[0], ids[length - 1]);
        }
        return listed(Arrays.copyOf(ids, length));
    }

    private static IdSet listed(long[] sortedIds) {
        if (sortedIds.length == 0) {
            return EMPTY;
        }
        if (sortedIds.length > MAX_LISTED_IDS) {
            return range(sortedIds[0], sortedIds[sortedIds.length - 1]);
        }
        return new IdSet(sortedIds, sortedIds[0], sortedIds[sortedIds.length - 1], false);
    }

    public boolean isRange() {
        return range;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public long size() {
        return range ? high - low + 1 : ids.length;
    }

    /** The smallest id; the set must not be empty. */
    public long first() {
        requireNotEmpty();
        return low;
    }

    /** The largest id; the set must not be empty. */
    public long last() {
        requireNotEmpty();
        return high;
    }

    public boolean contains(long id) {
        if (range) {
            return id >= low && id <= high;
        }
        return Arrays.binarySearch(ids, id) >= 0;
    }

    /** The ids in both sets (exact). */
    public IdSet intersect(IdSet other) {
        if (isEmpty() || other.isEmpty()) {
            return EMPTY;
        }
        if (range && other.range) {
            return range(Math.max(low, other.low), Math.min(high, other.high));
        }
        if (range || other.range) {
            IdSet bounds = range ? this : other;
            IdSet listed = range ? other : this;
            return listed.within(bounds.low, bounds.high);
        }
        return listed(IdArrays.intersect(ids, other.ids));
    }

    /** The ids in either set; a range covering both when either is a range or the union is too large. */
    public IdSet union(IdSet other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        if (range || other.range || size() + other.size() > MAX_LISTED_IDS) {
            return range(Math.min(low, other.low), Math.max(high, other.high));
        }
        return listed(IdArrays.union(ids, other.ids));
    }

    /** The ids in ascending order. */
    @Override
    public PrimitiveIterator.OfLong iterator() {
        return range ? new RangeIterator(low, high) : Arrays.stream(ids).iterator();
    }

    /** The listed ids; a range must be small enough to list. */
    public long[] toArray() {
        if (!range) {
            return ids.clone();
        }
        if (size() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the range " + low + ".." + high + " is too large to list");
        }
        long[] listed = new long[(int) size()];
        for (int index = 0; index < listed.length; index++) {
            listed[index] = low + index;
        }
        return listed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdSet set && set.range == range && set.low == low && set.high == high
                && (range || Arrays.equals(set.ids, ids));
    }

    @Override
    public int hashCode() {
        return range ? Long.hashCode(low * 31 + high) : Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        if (range) {
            return "IdSet[" + low + ".." + high + "]";
        }
        return ids.length <= 20 ? "IdSet" + Arrays.toString(ids) : "IdSet[" + ids.length + " ids, " + low + "…" + high + "]";
    }

    private IdSet within(long from, long to) {
        int start = IdArrays.lowerBound(ids, from);
        int end = to == Long.MAX_VALUE ? ids.length : IdArrays.lowerBound(ids, to + 1);
        return listed(Arrays.copyOfRange(ids, start, Math.max(start, end)));
    }

    private void requireNotEmpty() {
        if (isEmpty()) {
            throw new NoSuchElementException("the id set is empty");
        }
    }

    private static final class RangeIterator implements PrimitiveIterator.OfLong {
        private long next;
        private final long high;
        private boolean done;

        RangeIterator(long low, long high) {
            this.next = low;
            this.high = high;
        }

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public long nextLong() {
            if (done) {
                throw new NoSuchElementException();
            }
            long id = next;
            done = id == high;
            next++;
            return id;
        }
    }
}
