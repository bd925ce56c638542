package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Usage: larch"), out.toString());
    }

    @Test
    void versionComesFromTheFilteredResource() {
        assertEquals(0, run("--version"));
        String first = out.toString().lines().findFirst().orElseThrow();
        assertTrue(first.matches("larch \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), first);
    }

    @Test
    void noSubcommandPrintsUsageToStderr() {
        assertEquals(CommandLine.ExitCode.USAGE, run());
        assertTrue(err.toString().contains("Usage: larch"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }
}
