package org.larch.benchmarks.ldif;

import java.util.List;
import java.util.Random;

/**
 * Appends one inetOrgPerson record per call, its values drawn in a fixed order from the generator's
 * seeded {@link Random}: person {@code index} has {@code uid=user.<index>} (unique), a cn made of a
 * given name and a surname (some with non-ASCII letters, written in base64), a unique mail, a phone
 * number, employee number, department number, title, site ({@code l}), department ({@code ou}),
 * a description of a few words and an {@code {SSHA}} userPassword of {@link #password(int)}.
 */
final class PersonWriter {
    private final Random random;
    private final SshaPassword ssha = new SshaPassword();

    PersonWriter(Random random) {
        this.random = random;
    }

    /** The password person {@code index} can bind with. */
    static String password(int index) {
        return "secret-" + index;
    }

    /** Appends person {@code index}'s record (ending with its empty line). */
    void append(StringBuilder text, int index) {
        Name given = pick(Vocabulary.GIVEN_NAMES);
        Name surname = pick(Vocabulary.SURNAMES);
        int department = random.nextInt(DirectoryTree.departments().size());
        int site = random.nextInt(DirectoryTree.sites().size());
        String departmentName = DirectoryTree.departments().get(department);
        String siteName = DirectoryTree.sites().get(site);
        String uid = "user." + index;
        String cn = given.value() + " " + surname.value();
        String title = pick(Vocabulary.TITLES);

        LdifLines lines = new LdifLines(text)
                .line("dn", "uid=" + uid + "," + DirectoryTree.unitDn(departmentName, siteName))
                .line("objectClass", "top").line("objectClass", "person")
                .line("objectClass", "organizationalPerson").line("objectClass", "inetOrgPerson")
                .line("uid", uid)
                .line("cn", cn)
                .line("sn", surname.value())
                .line("givenName", given.value())
                .line("mail", given.ascii() + "." + surname.ascii() + "." + index + "@example.com")
                .line("telephoneNumber", phoneNumber())
                .line("employeeNumber", Integer.toString(index))
                .line("departmentNumber", Integer.toString(4000 + department * 100 + site))
                .line("title", title)
                .line("l", siteName)
                .line("ou", departmentName)
                .line("description", title + " in " + departmentName + ": " + words());
        lines.line("userPassword", ssha.hash(password(index), random)).end();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String phoneNumber() {
        int number = random.nextInt(10_000_000);
        return "+1 555 " + zeroPadded(number / 10_000, 3) + " " + zeroPadded(number % 10_000, 4);
    }

    private static String zeroPadded(int number, int width) {
        String digits = Integer.toString(number);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** Two to five words: descriptions of varying length. */
    private String words() {
        int count = 2 + random.nextInt(4);
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                words.append(' ');
            }
            words.append(pick(Vocabulary.WORDS));
        }
        return words.toString();
    }
}
