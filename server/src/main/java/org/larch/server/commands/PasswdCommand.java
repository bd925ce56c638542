package org.larch.server.commands;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.larch.backend.auth.PasswordHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code larch passwd [-s SECRET | -T FILE]}: prints an {SSHA} hash of a password, like slapd's
 * {@code slappasswd}, for {@code rootpw} or a {@code userPassword} value. Without {@code -s} or
 * {@code -T} the password is asked for twice on the terminal (or read from the first line of
 * standard input when there is no terminal).
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Print an {SSHA} hash of a password, for rootpw or userPassword (like slappasswd).")
public final class PasswdCommand implements Callable<Integer> {

    @Option(names = "-s", paramLabel = "SECRET", description = "The password (visible in the process list; prefer the prompt).")
    String secret;

    @Option(names = "-T", paramLabel = "FILE", description = "Read the password from FILE (its whole content, one trailing newline dropped).")
    java.nio.file.Path secretFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        byte[] password = password();
        if (password == null) {
            spec.commandLine().getErr().println("larch passwd: no password given");
            spec.commandLine().getErr().flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(new String(PasswordHashes.hash(password), StandardCharsets.UTF_8));
        out.flush();
        Arrays.fill(password, (byte) 0);
        return 0;
    }

    private byte[] password() throws IOException {
        if (secret != null) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        if (secretFile != null) {
            String text = java.nio.file.Files.readString(secretFile, StandardCharsets.UTF_8);
            return (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).getBytes(StandardCharsets.UTF_8);
        }
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.getBytes(StandardCharsets.UTF_8);
        }
        return prompt(console);
    }

    private byte[] prompt(Console console) {
        char[] first = console.readPassword("New password: ");
        char[] second = console.readPassword("Re-enter new password: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            spec.commandLine().getOut().println("the passwords do not match");
            return null;
        }
        return new String(first).getBytes(StandardCharsets.UTF_8);
    }
}
