package org.larch.backend.request;

import org.larch.backend.entry.DirectoryEntry;

/** What an update returns for its pre-read and post-read controls (null where not requested). */
public record UpdateOutcome(DirectoryEntry preRead, DirectoryEntry postRead) {

    public static final UpdateOutcome NONE = new UpdateOutcome(null, null);
}
