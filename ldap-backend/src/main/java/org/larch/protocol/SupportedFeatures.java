package org.larch.protocol;

import java.util.List;

/** The controls and extended operations the front end handles, as the root DSE advertises them. */
public final class SupportedFeatures {
    public static final String PAGED_RESULTS = "1.2.840.113556.1.4.319";
    public static final String SORT_REQUEST = "1.2.840.113556.1.4.473";
    public static final String SORT_RESPONSE = "1.2.840.113556.1.4.474";
    public static final String MANAGE_DSA_IT = "2.16.840.1.113730.3.4.2";
    public static final String ASSERTION = "1.3.6.1.1.12";
    public static final String PRE_READ = "1.3.6.1.1.13.1";
    public static final String POST_READ = "1.3.6.1.1.13.2";
    public static final String VALUES_RETURN_FILTER = "1.2.826.0.1.3344810.2.3";
    public static final String SUBTREE_DELETE = "1.2.840.113556.1.4.805";

    public static final String START_TLS = "1.3.6.1.4.1.1466.20037";
    public static final String WHO_AM_I = "1.3.6.1.4.1.4203.1.11.3";
    public static final String PASSWORD_MODIFY = "1.3.6.1.4.1.4203.1.11.1";

    private SupportedFeatures() {}

    public static List<String> controls() {
        return List.of(PAGED_RESULTS, SORT_REQUEST, MANAGE_DSA_IT, ASSERTION, PRE_READ, POST_READ,
                VALUES_RETURN_FILTER, SUBTREE_DELETE);
    }

    public static List<String> extensions() {
        return List.of(START_TLS, WHO_AM_I, PASSWORD_MODIFY);
    }
}
