package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Env;

/**
 * kill -9 of {@code larch import} (another process) in the middle of a load: the environment opens,
 * passes {@code larch check}, holds whole commits of entries (exports cleanly), and the server or a
 * new import can claim the data directory again.
 */
@Tag("slow")
class ImportKillTest {
    private static final int PEOPLE = 40_000;
    private static final int ENTRIES_PER_COMMIT = 1_000;
    private static final long KILL_AFTER_DATA_BYTES = 3L << 20;

    @TempDir
    Path temp;

    @Test
    void killNineDuringImportLeavesAnEnvironmentThatOpensAndChecks() throws Exception {
        Path config = TestConfigs.write(temp);
        Path ldif = writePeople(temp.resolve("people.ldif"));
        Process importer = startImport(config, ldif);
        Path dataFile = temp.resolve("data").resolve(Env.DATA_FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && importer.isAlive()
                && (!Files.exists(dataFile) || Files.size(dataFile) < KILL_AFTER_DATA_BYTES)) {
            Thread.sleep(20);
        }
        assertTrue(importer.isAlive(), "the import ended before it could be killed: make PEOPLE larger");
        importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        CommandRun check = CommandRun.of("check", temp.resolve("data").toString());
        assertEquals(0, check.exitCode(), check::toString);
        CommandRun export = CommandRun.of("export", "-f", config.toString());
        assertEquals(0, export.exitCode(), export::toString);
        int entries = ExportCommandTest.parse(export.out()).size();
        assertTrue(entries > 0 && entries < PEOPLE + 2, "entries after the kill: " + entries);
        assertEquals(0, entries % ENTRIES_PER_COMMIT, "whole commits only: " + entries);

        CommandRun again = CommandRun.of("import", "-f", config.toString(), "-l", ldif.toString(), "-c");
        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("imported " + (PEOPLE + 2 - entries) + " entries"), again::toString);
    }

    private Process startImport(Path config, Path ldif) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "import", "-f", config.toString(), "-l", ldif.toString(),
                "--entries-per-commit", Integer.toString(ENTRIES_PER_COMMIT)));
        return new ProcessBuilder(command).directory(temp.toFile())
                .redirectErrorStream(true).redirectOutput(temp.resolve("import-output.txt").toFile()).start();
    }

    private static Path writePeople(Path file) throws IOException {
        StringBuilder text = new StringBuilder("dn: dc=example,dc=com\nobjectClass: dcObject\nobjectClass: organization\n"
                + "dc: example\no: Example\n\ndn: ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\nou: people\n\n");
        for (int index = 0; index < PEOPLE; index++) {
            text.append("dn: uid=u").append(index).append(",ou=people,dc=example,dc=com\nobjectClass: inetOrgPerson\nuid: u")
                    .append(index).append("\ncn: User ").append(index).append("\nsn: S").append(index).append("\n\n");
        }
        return Files.writeString(file, text);
    }
}
