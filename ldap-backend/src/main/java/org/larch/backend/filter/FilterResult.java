package org.larch.backend.filter;

/** The three values a filter takes on an entry (RFC 4511 section 4.5.1.7). */
public enum FilterResult {
    TRUE,
    FALSE,
    UNDEFINED;

    static FilterResult of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** Kleene's and: FALSE wins, then UNDEFINED. */
    FilterResult and(FilterResult other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == UNDEFINED || other == UNDEFINED ? UNDEFINED : TRUE;
    }

    /** Kleene's or: TRUE wins, then UNDEFINED. */
    FilterResult or(FilterResult other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == UNDEFINED || other == UNDEFINED ? UNDEFINED : FALSE;
    }

    FilterResult not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNDEFINED -> UNDEFINED;
        };
    }
}
