package org.larch.storage.freelist;

import java.util.Arrays;

/**
 * A set of page numbers, appended in any order and sorted when first needed in order. Takes single
 * pages from the low end, so reused pages stay near the start of the file, and finds runs of
 * contiguous pages for overflow values. The live numbers are {@code numbers[start, end)}.
 */
public final class PageNumbers {
    private long[] numbers = new long[16];
    private int start;
    private int end;
    private boolean sorted = true;

    public int size() {
        return end - start;
    }

    public boolean isEmpty() {
        return end == start;
    }

    public void add(long pageNumber) {
        if (end == numbers.length) {
            compactOrGrow();
        }
        if (end > start && numbers[end - 1] > pageNumber) {
            sorted = false;
        }
        numbers[end++] = pageNumber;
    }

    public void addRun(long firstPage, int pages) {
        for (int i = 0; i < pages; i++) {
            add(firstPage + i);
        }
    }

    public void addAll(long[] pageNumbers) {
        for (long pageNumber : pageNumbers) {
            add(pageNumber);
        }
    }

    /** Removes and returns the lowest page number; the set must not be empty. */
    public long takeLowest() {
        if (isEmpty()) {
            throw new java.util.NoSuchElementException("no page number left");
        }
        sort();
        return numbers[start++];
    }

    /** Removes the lowest run of {@code pages} contiguous numbers and returns its first, or -1. */
    public long takeRun(int pages) {
        sort();
        int runStart = start;
        for (int i = start; i < end; i++) {
            if (i > runStart && numbers[i] != numbers[i - 1] + 1) {
                runStart = i;
            }
            if (i - runStart + 1 == pages) {
                long first = numbers[runStart];
                System.arraycopy(numbers, i + 1, numbers, runStart, end - i - 1);
                end -= pages;
                return first;
            }
        }
        return -1;
    }

    /** An independent copy: changes to either leave the other as it was. */
    public PageNumbers copy() {
        PageNumbers copy = new PageNumbers();
        copy.numbers = Arrays.copyOfRange(numbers, start, Math.max(end, start + 16));
        copy.end = end - start;
        copy.sorted = sorted;
        return copy;
    }

    /** The numbers, sorted ascending, as a new array. */
    public long[] toSortedArray() {
        sort();
        return Arrays.copyOfRange(numbers, start, end);
    }

    public void clear() {
        start = 0;
        end = 0;
        sorted = true;
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(numbers, start, end);
            sorted = true;
        }
    }

    private void compactOrGrow() {
        int size = end - start;
        long[] target = size * 2 < numbers.length ? numbers : new long[Math.max(16, numbers.length * 2)];
        System.arraycopy(numbers, start, target, 0, size);
        numbers = target;
        start = 0;
        end = size;
    }
}
