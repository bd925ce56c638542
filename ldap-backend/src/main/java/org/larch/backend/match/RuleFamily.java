package org.larch.backend.match;

import java.util.Map;
import org.apache.directory.api.ldap.model.schema.MatchingRule;

/**
 * The families of matching rules Larch normalizes itself. The equality, ordering and substrings
 * rules of one family (caseIgnoreMatch, caseIgnoreOrderingMatch, caseIgnoreSubstringsMatch) share a
 * normalization; {@link #API} is every other rule, normalized by the LDAP API's own normalizer.
 */
enum RuleFamily {
    CASE_IGNORE,
    CASE_EXACT,
    NUMERIC_STRING,
    TELEPHONE_NUMBER,
    DISTINGUISHED_NAME,
    UNIQUE_MEMBER,
    INTEGER,
    GENERALIZED_TIME,
    OCTET_STRING,
    OBJECT_IDENTIFIER,
    BOOLEAN,
    API;

    private static final Map<String, RuleFamily> BY_OID = Map.ofEntries(
            Map.entry("2.5.13.2", CASE_IGNORE), // caseIgnoreMatch
            Map.entry("2.5.13.3", CASE_IGNORE), // caseIgnoreOrderingMatch
            Map.entry("2.5.13.4", CASE_IGNORE), // caseIgnoreSubstringsMatch
            Map.entry("2.5.13.11", CASE_IGNORE), // caseIgnoreListMatch
            Map.entry("2.5.13.12", CASE_IGNORE), // caseIgnoreListSubstringsMatch
            Map.entry("1.3.6.1.4.1.1466.109.114.2", CASE_IGNORE), // caseIgnoreIA5Match
            Map.entry("1.3.6.1.4.1.1466.109.114.3", CASE_IGNORE), // caseIgnoreIA5SubstringsMatch
            Map.entry("2.5.13.5", CASE_EXACT), // caseExactMatch
            Map.entry("2.5.13.6", CASE_EXACT), // caseExactOrderingMatch
            Map.entry("2.5.13.7", CASE_EXACT), // caseExactSubstringsMatch
            Map.entry("1.3.6.1.4.1.1466.109.114.1", CASE_EXACT), // caseExactIA5Match
            Map.entry("1.3.6.1.4.1.4203.1.2.1", CASE_EXACT), // caseExactIA5SubstringsMatch
            Map.entry("2.5.13.8", NUMERIC_STRING), // numericStringMatch
            Map.entry("2.5.13.9", NUMERIC_STRING), // numericStringOrderingMatch
            Map.entry("2.5.13.10", NUMERIC_STRING), // numericStringSubstringsMatch
            Map.entry("2.5.13.20", TELEPHONE_NUMBER), // telephoneNumberMatch
            Map.entry("2.5.13.21", TELEPHONE_NUMBER), // telephoneNumberSubstringsMatch
            Map.entry("2.5.13.1", DISTINGUISHED_NAME), // distinguishedNameMatch
            Map.entry("2.5.13.23", UNIQUE_MEMBER), // uniqueMemberMatch
            Map.entry("2.5.13.14", INTEGER), // integerMatch
            Map.entry("2.5.13.15", INTEGER), // integerOrderingMatch
            Map.entry("2.5.13.27", GENERALIZED_TIME), // generalizedTimeMatch
            Map.entry("2.5.13.28", GENERALIZED_TIME), // generalizedTimeOrderingMatch
            Map.entry("2.5.13.17", OCTET_STRING), // octetStringMatch
            Map.entry("2.5.13.18", OCTET_STRING), // octetStringOrderingMatch
            Map.entry("2.5.13.0", OBJECT_IDENTIFIER), // objectIdentifierMatch
            Map.entry("2.5.13.13", BOOLEAN)); // booleanMatch

    static RuleFamily of(MatchingRule rule) {
        return BY_OID.getOrDefault(rule.getOid(), API);
    }

    /** Families whose values are text: spaces and case are subject to string preparation. */
    boolean isText() {
        return this == CASE_IGNORE || this == CASE_EXACT || this == NUMERIC_STRING || this == TELEPHONE_NUMBER;
    }

    /** Families with a natural order, used as ordering when an attribute names no ordering rule. */
    boolean hasNaturalOrder() {
        return isText() || this == INTEGER || this == GENERALIZED_TIME || this == OCTET_STRING;
    }
}
