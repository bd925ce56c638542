package org.larch.benchmarks.ldif;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A deterministic LDIF directory for import benchmarks: the containers of {@link DirectoryTree} (the
 * suffix {@code dc=example,dc=com}, {@code ou=people}, 10 departments, 100 leaf units), then
 * {@code persons} inetOrgPerson entries ({@code uid=user.0} ... {@code uid=user.<persons-1>}, each
 * in a leaf unit drawn at random), parents always before children. Entries average about 500 bytes and
 * hold only attributes of the core, cosine and inetOrgPerson schemas, so both {@code slapadd} and
 * {@code larch import} accept them as they are.
 *
 * <p>The same {@code persons} and {@code seed} give the same bytes, on any JDK: the values come from a
 * {@link Random} (whose algorithm the JDK specifies) drawn in a fixed order.
 */
public final class PersonLdifGenerator {
    public static final String SUFFIX = DirectoryTree.SUFFIX;
    public static final long DEFAULT_SEED = 42;
    /** Records encoded and written at a time. */
    private static final int RECORDS_PER_WRITE = 256;

    private final int persons;
    private final long seed;

    public PersonLdifGenerator(int persons, long seed) {
        if (persons < 0) {
            throw new IllegalArgumentException("the number of persons must not be negative: " + persons);
        }
        this.persons = persons;
        this.seed = seed;
    }

    /** Every entry the file holds: the containers and the persons. */
    public long entryCount() {
        return (long) DirectoryTree.CONTAINERS + persons;
    }

    /** The password person {@code index} ({@code uid=user.<index>}) can bind with. */
    public static String password(int index) {
        return PersonWriter.password(index);
    }

    /** Writes the whole file to {@code out} (which it does not close) and returns its size in bytes. */
    public long write(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(RECORDS_PER_WRITE * 640);
        DirectoryTree.appendContainers(text);
        long bytes = flush(text, out);
        PersonWriter writer = new PersonWriter(new Random(seed));
        for (int index = 0; index < persons; index++) {
            writer.append(text, index);
            if ((index + 1) % RECORDS_PER_WRITE == 0) {
                bytes += flush(text, out);
            }
        }
        bytes += flush(text, out);
        out.flush();
        return bytes;
    }

    private static long flush(StringBuilder text, OutputStream out) throws IOException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        text.setLength(0);
        return bytes.length;
    }
}
