package org.larch.storage.page;

/** The kind of a page, as stored in its header's {@code kind} field. */
public enum PageKind {
    BRANCH(1),
    LEAF(2),
    OVERFLOW(4),
    META(8);

    public final int code;

    PageKind(int code) {
        this.code = code;
    }

    public static PageKind ofCode(int code) {
        return switch (code) {
            case 1 -> BRANCH;
            case 2 -> LEAF;
            case 4 -> OVERFLOW;
            case 8 -> META;
            default -> null;
        };
    }
}
