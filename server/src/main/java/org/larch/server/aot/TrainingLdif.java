package org.larch.server.aot;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The directory the start-up cache is trained on ({@link AotTrainingCommand}): a suffix, a people
 * container and {@code persons} inetOrgPerson entries, some with non-ASCII names (base64 lines), so an
 * import of it runs the same code a real one does. Deterministic: the same count gives the same text.
 */
final class TrainingLdif {
    static final String SUFFIX = "dc=example,dc=com";
    private static final String[] GIVEN = {"Anna", "Björn", "Chen", "Dana", "Émile", "Farid", "Greta", "Hiro"};
    private static final String[] FAMILY = {"Berg", "Castro", "Dubois", "Eriksen", "Fischer", "Gómez", "Hansen"};
    private static final String[] UNITS = {"Sales", "Research", "Support", "Finance"};

    private TrainingLdif() {}

    static void write(Writer out, int persons) throws IOException {
        out.write("dn: " + SUFFIX + "\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\n"
                + "dc: example\no: Example\n\n");
        out.write("dn: ou=people," + SUFFIX + "\nobjectClass: top\nobjectClass: organizationalUnit\nou: people\n\n");
        for (String unit : UNITS) {
            out.write("dn: ou=" + unit + ",ou=people," + SUFFIX + "\nobjectClass: organizationalUnit\nou: " + unit + "\n\n");
        }
        for (int n = 0; n < persons; n++) {
            writePerson(out, n);
        }
    }

    private static void writePerson(Writer out, int n) throws IOException {
        String given = GIVEN[n % GIVEN.length];
        String family = FAMILY[(n / GIVEN.length) % FAMILY.length];
        String uid = "train." + n;
        out.write("dn: uid=" + uid + ",ou=" + UNITS[n % UNITS.length] + ",ou=people," + SUFFIX + "\n");
        out.write("objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: inetOrgPerson\n");
        out.write("uid: " + uid + "\n");
        line(out, "cn", given + " " + family);
        line(out, "sn", family);
        line(out, "givenName", given);
        out.write("mail: " + uid + "@example.com\ntelephoneNumber: +1 555 " + (1000 + n % 9000) + "\n");
        out.write("employeeNumber: " + n + "\ndescription: trainee number " + n + "\n\n");
    }

    /** {@code name: value}, or {@code name:: base64} when the value is not plain ASCII (RFC 2849). */
    private static void line(Writer out, String name, String value) throws IOException {
        if (value.chars().allMatch(c -> c >= ' ' && c < 0x7f)) {
            out.write(name + ": " + value + "\n");
        } else {
            out.write(name + ":: " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "\n");
        }
    }
}
