package org.larch.integration.data;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic directory: the same seed and size give the same entries, in the same order, with
 * the same values. Organizational units (departments under {@code ou=people}, {@code ou=groups}),
 * inetOrgPerson entries with cn, sn, givenName, uid, mail, telephoneNumber, employeeNumber,
 * description, userPassword, some multi-valued and language-tagged values ({@code cn;lang-de}), every
 * third person also a posixAccount (integer {@code uidNumber}), and groupOfNames groups with members.
 * Parents always come before their children.
 */
public final class DirectoryDataGenerator {
    public static final String SUFFIX = "dc=example,dc=com";
    public static final String PEOPLE = "ou=people," + SUFFIX;
    public static final String GROUPS = "ou=groups," + SUFFIX;
    public static final List<String> DEPARTMENTS = List.of("sales", "engineering", "support", "finance", "research");

    static final List<String> GIVEN_NAMES = List.of(
            "Anna", "Bernd", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ida", "Jonas", "Karla",
            "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Simon", "Tilda", "Uwe");
    static final List<String> SURNAMES = List.of(
            "Adler", "Becker", "Fischer", "Hoffmann", "Koch", "Lange", "Meyer", "Neumann", "Richter",
            "Schmidt", "Schulz", "Wagner", "Weber", "Wolf", "Zimmermann");
    /** German forms for {@code cn;lang-de}, by surname index. */
    static final List<String> GERMAN_SURNAMES = List.of(
            "Adler", "Bäcker", "Fischer", "Hoffmann", "Koch", "Länge", "Meyer", "Neumann", "Richter",
            "Schmidt", "Schulz", "Wagner", "Weber", "Wölf", "Zimmermann");
    static final List<String> WORDS = List.of(
            "alpha", "blue", "coffee", "delta", "east", "forest", "garden", "harbor", "island", "jazz",
            "kite", "lemon", "mountain", "night", "ocean", "pepper", "quartz", "river", "stone", "tiger");

    private final Random random;
    private final int personCount;
    private final int groupCount;

    /** @param personCount people to generate; groups: one per 25 people, at least 2 */
    public DirectoryDataGenerator(long seed, int personCount) {
        this.random = new Random(seed);
        this.personCount = personCount;
        this.groupCount = Math.max(2, personCount / 25);
    }

    /** The DN of person number {@code index} (0-based), whichever department it landed in. */
    public static String personDn(int index) {
        return "uid=user." + index + ",ou=" + DEPARTMENTS.get(index % DEPARTMENTS.size()) + "," + PEOPLE;
    }

    /** The password person number {@code index} is stored with (plain text). */
    public static String personPassword(int index) {
        return "secret-" + index;
    }

    /** Every entry, parents first: the suffix, the units, the people, the groups. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        entries.add(suffixEntry());
        entries.addAll(organizationalUnits());
        for (int index = 0; index < personCount; index++) {
            entries.add(person(index));
        }
        for (int index = 0; index < groupCount; index++) {
            entries.add(group(index));
        }
        return entries;
    }

    /** The same entries as LDIF text (what {@code ldapadd} reads). */
    public String ldif() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LDIFWriter writer = new LDIFWriter(out)) {
            writer.setWrapColumn(0);
            for (Entry entry : entries()) {
                writer.writeEntry(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing generated LDIF to memory", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static Entry suffixEntry() {
        return new Entry(SUFFIX,
                new Attribute("objectClass", "top", "domain"),
                new Attribute("dc", "example"));
    }

    private List<Entry> organizationalUnits() {
        List<Entry> units = new ArrayList<>();
        units.add(unit(PEOPLE, "people"));
        for (String department : DEPARTMENTS) {
            units.add(unit("ou=" + department + "," + PEOPLE, department));
        }
        units.add(unit(GROUPS, "groups"));
        return units;
    }

    private static Entry unit(String dn, String name) {
        return new Entry(dn,
                new Attribute("objectClass", "top", "organizationalUnit"),
                new Attribute("ou", name),
                new Attribute("description", "the " + name + " unit"));
    }

    private Entry person(int index) {
        int givenIndex = random.nextInt(GIVEN_NAMES.size());
        int surnameIndex = random.nextInt(SURNAMES.size());
        String given = GIVEN_NAMES.get(givenIndex);
        String surname = SURNAMES.get(surnameIndex);
        boolean posix = index % 3 == 0;
        Entry entry = new Entry(personDn(index));
        entry.addAttribute(posix
                ? new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "posixAccount")
                : new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"));
        entry.addAttribute("uid", "user." + index);
        entry.addAttribute(commonNames(given, surname));
        if (random.nextInt(5) == 0) {
            entry.addAttribute("cn;lang-de", given + " " + GERMAN_SURNAMES.get(surnameIndex));
        }
        entry.addAttribute("sn", surname);
        entry.addAttribute("givenName", given);
        entry.addAttribute("mail", given.toLowerCase() + "." + surname.toLowerCase() + "." + index + "@example.com");
        entry.addAttribute(telephoneNumbers());
        entry.addAttribute("employeeNumber", Integer.toString(1000 + index));
        entry.addAttribute(descriptions());
        entry.addAttribute("userPassword", personPassword(index));
        if (posix) {
            entry.addAttribute("uidNumber", Integer.toString(10000 + index));
            entry.addAttribute("gidNumber", Integer.toString(500 + random.nextInt(10)));
            entry.addAttribute("homeDirectory", "/home/user." + index);
        }
        return entry;
    }

    private Attribute commonNames(String given, String surname) {
        if (random.nextInt(4) == 0) {
            return new Attribute("cn", given + " " + surname, given.charAt(0) + ". " + surname);
        }
        return new Attribute("cn", given + " " + surname);
    }

    private Attribute telephoneNumbers() {
        int count = 1 + (random.nextInt(6) == 0 ? 1 : 0);
        Set<String> numbers = new LinkedHashSet<>();
        while (numbers.size() < count) {
            numbers.add("+1555" + (1000000 + random.nextInt(9000000)));
        }
        return new Attribute("telephoneNumber", numbers);
    }

    private Attribute descriptions() {
        int count = 1 + random.nextInt(3);
        Set<String> values = new LinkedHashSet<>();
        while (values.size() < count) {
            values.add(WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size())));
        }
        return new Attribute("description", values);
    }

    private Entry group(int index) {
        int memberCount = 2 + random.nextInt(Math.min(40, personCount - 1));
        Set<String> members = new LinkedHashSet<>();
        while (members.size() < memberCount) {
            members.add(personDn(random.nextInt(personCount)));
        }
        return new Entry("cn=group-" + index + "," + GROUPS,
                new Attribute("objectClass", "top", "groupOfNames"),
                new Attribute("cn", "group-" + index),
                new Attribute("description", "group number " + index),
                new Attribute("member", members));
    }
}
