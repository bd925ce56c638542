package org.larch.storage.txn;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.Page;

/**
 * One dirty page or overflow run of a write transaction: its bytes (a pooled page buffer, or an array
 * of its own for a run), and the {@link Page} views of a
 * branch or leaf page, made once and handed out on every visit. The writable view is for the layer
 * that made the page; the read-only one for its child layers, which must copy before changing it.
 * An overflow run has no page view.
 */
final class DirtyPage {
    private final MemorySegment bytes;
    private final long number;
    private final int pageSize;
    private Page writable;
    private Page readOnly;

    /** A run or page whose writable view, if it ever needs one, is made on first use. */
    DirtyPage(MemorySegment bytes, long number, int pageSize) {
        this.bytes = bytes;
        this.number = number;
        this.pageSize = pageSize;
    }

    /** A page whose writable view is {@code writable}, a view of {@code bytes}. */
    DirtyPage(MemorySegment bytes, Page writable) {
        this(bytes, writable.number(), writable.pageSize());
        this.writable = writable;
    }

    MemorySegment bytes() {
        return bytes;
    }

    /** The view through which the layer that made this page changes it. */
    Page writable() {
        if (writable == null) {
            writable = Page.wrap(bytes, 0, pageSize, number, true);
        }
        return writable;
    }

    /** The view of this page for a child layer: not dirty, its segment read-only. */
    Page readOnly() {
        if (readOnly == null) {
            readOnly = Page.wrap(bytes.asReadOnly(), 0, pageSize, number, false);
        }
        return readOnly;
    }
}
