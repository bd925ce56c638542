package org.larch.backend.ldif;

/** Hears how far an import is, every thousand entries: for a progress line with an ETA from the file size. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (entries, charactersRead) -> { };

    /**
     * @param entries entries added so far
     * @param charactersRead characters of the file read so far (line ends included)
     */
    void update(long entries, long charactersRead);
}
