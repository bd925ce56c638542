/**
 * The operational attributes updates write (entryUUID, entryCSN, timestamps, creators and modifiers,
 * structuralObjectClass, the suffix's contextCSN) and the rule that clients may not write them
 * themselves ({@link org.larch.backend.operational.NoUserModification}). Attributes computed when read
 * (hasSubordinates, numSubordinates, subschemaSubentry) belong to search.
 */
package org.larch.backend.operational;
