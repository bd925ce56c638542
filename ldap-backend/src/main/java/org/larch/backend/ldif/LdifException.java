package org.larch.backend.ldif;

/** A record that cannot be read or applied; {@link #problem()} says where and why. */
public final class LdifException extends RuntimeException {
    private final transient LdifProblem problem;

    public LdifException(LdifProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public LdifProblem problem() {
        return problem;
    }
}
