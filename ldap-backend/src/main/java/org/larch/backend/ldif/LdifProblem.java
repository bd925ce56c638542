package org.larch.backend.ldif;

/** What was wrong with one record of an LDIF file: where it is, its DN when known, and why. */
public record LdifProblem(String file, int lineNumber, String dn, String reason) {
    @Override
    public String toString() {
        return file + ":" + lineNumber + ": " + (dn == null ? "" : dn + ": ") + reason;
    }
}
