package org.larch.benchmarks.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.larch.server.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The generated file is valid against the schema Larch checks entries with (core, cosine,
 * inetOrgPerson, object class rules): {@code larch import} takes every entry, and {@code larch export}
 * gives them all back. Run in this JVM through the command line's own entry point.
 */
class LarchImportsGeneratedLdifTest {
    @Test
    void larchImportAcceptsEveryGeneratedEntry(@TempDir Path dir) throws Exception {
        Path ldif = dir.resolve("people.ldif");
        PersonLdifGenerator generator = new PersonLdifGenerator(300, PersonLdifGenerator.DEFAULT_SEED);
        try (OutputStream out = Files.newOutputStream(ldif)) {
            generator.write(out);
        }
        Path config = dir.resolve("larch.conf");
        Files.writeString(config, String.join("\n",
                "suffix " + PersonLdifGenerator.SUFFIX,
                "rootdn cn=admin," + PersonLdifGenerator.SUFFIX,
                "directory " + dir.resolve("data"),
                "index objectClass eq",
                "index uid eq",
                "index cn eq,sub",
                "index sn eq",
                "index mail eq",
                ""));

        Run imported = larch("import", "-f", config.toString(), "-l", ldif.toString());
        assertEquals(0, imported.exitCode(), imported.output());
        Run exported = larch("export", "-f", config.toString());
        assertEquals(0, exported.exitCode(), exported.output());

        long dns = exported.output().lines().filter(line -> line.startsWith("dn:")).count();
        assertEquals(generator.entryCount(), dns);
        assertTrue(exported.output().contains("dn: uid=user.299,ou="), "the last person is there");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run larch(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString());
    }
}
