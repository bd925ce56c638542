package org.larch.backend.ldif;

/** A record that cannot be read or applied; {@link #problem()} says where and why. */
public final class LdifException extends RuntimeException {
    private final transient LdifProblem problem;

    public LdifException(LdifProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    private LdifException(LdifProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    /** This problem, saying that the import stopped at it and what stays written. */
    LdifException stoppedImport(long committedEntries, boolean dryRun) {
        return new LdifException(problem, problem + (dryRun ? " (the check stopped there; nothing was written)"
                : " (the import stopped there; the " + committedEntries + " entries committed before it stay)"));
    }

    public LdifProblem problem() {
        return problem;
    }
}
