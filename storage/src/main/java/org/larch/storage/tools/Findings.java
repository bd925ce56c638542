package org.larch.storage.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check found, in the order found: problems (the environment is not as the engine leaves it)
 * and warnings (allowed, but worth a look). Keeps at most {@link #MAX_PROBLEMS} problems and counts
 * the rest, so a badly damaged file still gives a readable report.
 */
final class Findings {
    static final int MAX_PROBLEMS = 1000;

    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long omittedProblems;

    void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        } else {
            omittedProblems++;
        }
    }

    void warning(String text) {
        warnings.add(text);
    }

    /** The problems kept, with a closing line counting those left out. */
    List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        if (omittedProblems > 0) {
            all.add("... and " + omittedProblems + " more problems");
        }
        return all;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
