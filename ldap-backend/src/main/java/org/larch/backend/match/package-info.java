/**
 * Values compared the way the schema says. {@link org.larch.backend.match.MatchingRules} turns a
 * value into its normalized key under an attribute type's equality, ordering, substrings or
 * approximate rule (RFC 4517 rules, RFC 4518 string preparation, DNs and OIDs through the schema);
 * filters, indexes, compare and modify all use it, so they agree on what "equal" means.
 */
package org.larch.backend.match;
