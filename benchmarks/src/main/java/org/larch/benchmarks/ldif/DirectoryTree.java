package org.larch.benchmarks.ldif;

import java.util.List;

/**
 * The containers the generated people live in, so that the tree is not flat: the suffix
 * {@value #SUFFIX}, {@code ou=people} below it, one unit per department below that, and one unit per
 * site below each department ({@value #UNITS} leaf units, each person in one of them, e.g.
 * {@code uid=user.7,ou=Berlin,ou=Engineering,ou=people,dc=example,dc=com}).
 */
final class DirectoryTree {
    static final String SUFFIX = "dc=example,dc=com";
    static final String PEOPLE = "ou=people," + SUFFIX;
    static final int UNITS = Vocabulary.DEPARTMENTS.size() * Vocabulary.SITES.size();
    /** The suffix, {@code ou=people}, the departments and the leaf units. */
    static final int CONTAINERS = 2 + Vocabulary.DEPARTMENTS.size() + UNITS;

    private DirectoryTree() {
    }

    /** Appends every container, parents first. */
    static void appendContainers(StringBuilder text) {
        new LdifLines(text).line("dn", SUFFIX)
                .line("objectClass", "top").line("objectClass", "dcObject").line("objectClass", "organization")
                .line("dc", "example").line("o", "Example Corporation")
                .end();
        unit(text, PEOPLE, "people", "Everyone who works here");
        for (String department : Vocabulary.DEPARTMENTS) {
            unit(text, departmentDn(department), department, "The " + department + " department");
        }
        for (String department : Vocabulary.DEPARTMENTS) {
            for (String site : Vocabulary.SITES) {
                unit(text, unitDn(department, site), site, department + " at the " + site + " site");
            }
        }
    }

    /** The DN of the leaf unit of {@code department} at {@code site}. */
    static String unitDn(String department, String site) {
        return "ou=" + site + "," + departmentDn(department);
    }

    private static String departmentDn(String department) {
        return "ou=" + department + "," + PEOPLE;
    }

    private static void unit(StringBuilder text, String dn, String name, String description) {
        new LdifLines(text).line("dn", dn)
                .line("objectClass", "top").line("objectClass", "organizationalUnit")
                .line("ou", name).line("description", description)
                .end();
    }

    /** The departments, in their fixed order (a person's department is an index into it). */
    static List<String> departments() {
        return Vocabulary.DEPARTMENTS;
    }

    /** The sites, in their fixed order. */
    static List<String> sites() {
        return Vocabulary.SITES;
    }
}
