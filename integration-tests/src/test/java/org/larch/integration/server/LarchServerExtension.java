package org.larch.integration.server;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.larch.integration.data.DirectoryDataGenerator;

/**
 * One Larch server per test class, started as {@code larch serve} starts it, in a fresh temporary
 * directory, loaded over the wire (as the rootdn) with the generated directory, stopped and deleted
 * after the class.
 *
 * <pre>{@code @RegisterExtension static final LarchServerExtension LARCH = LarchServerExtension.withPeople(60);}</pre>
 */
public final class LarchServerExtension implements BeforeAllCallback, AfterAllCallback {
    public static final long SEED = 20261122L;

    private final int personCount;
    private final Function<Path, LarchConfigFile> configuration;
    private Path directory;
    private LarchInstance instance;
    private List<Entry> entries;

    private LarchServerExtension(int personCount, Function<Path, LarchConfigFile> configuration) {
        this.personCount = personCount;
        this.configuration = configuration;
    }

    public static LarchServerExtension withPeople(int personCount) {
        return new LarchServerExtension(personCount, LarchConfigFile::plain);
    }

    public static LarchServerExtension withPeopleAndTls(int personCount) {
        return new LarchServerExtension(personCount, LarchConfigFile::withTls);
    }

    public LarchServerExtension configuredBy(Function<Path, LarchConfigFile> newConfiguration) {
        return new LarchServerExtension(personCount, newConfiguration);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("larch-it-");
        instance = LarchInstance.start(configuration.apply(directory));
        entries = new DirectoryDataGenerator(SEED, personCount).entries();
        try (LDAPConnection connection = instance.connectAsRoot()) {
            load(connection, entries);
        }
    }

    /** Adds every entry; the suffix may exist already (the server creates it on first start). */
    public static void load(LDAPConnection connection, List<Entry> entries) throws LDAPException {
        for (Entry entry : entries) {
            try {
                connection.add(entry);
            } catch (LDAPException e) {
                boolean suffixThere = e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS
                        && entry.getParsedDN().equals(DirectoryDataGenerator.suffixEntry().getParsedDN());
                if (!suffixThere) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (instance != null) {
                instance.close();
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    public LarchInstance instance() {
        return instance;
    }

    /** The generated entries as loaded, in load order. */
    public List<Entry> entries() {
        return entries;
    }

    public LDAPConnection connect() {
        return instance.connect();
    }

    public LDAPConnection connectAsRoot() {
        return instance.connectAsRoot();
    }

    public Path directory() {
        return directory;
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test directory " + root, e);
        }
    }
}
