package org.larch.benchmarks.ldif;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The generator's command line:
 * {@code java -cp benchmarks/target/classes org.larch.benchmarks.ldif.GenerateLdif --entries N [--seed S] [--out FILE]}
 * writes {@link PersonLdifGenerator}'s file for {@code N} persons to {@code FILE} (default: standard
 * output) and one summary line to standard error. Exit code 0, or 2 for a bad argument.
 */
public final class GenerateLdif {
    private static final String USAGE =
            "usage: GenerateLdif --entries N [--seed S] [--out FILE]\n"
                    + "  N persons (inetOrgPerson) below 112 containers; same N and S give the same bytes (default seed "
                    + PersonLdifGenerator.DEFAULT_SEED + ")";

    private GenerateLdif() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit code; {@code stdout} receives the LDIF when there is no --out. */
    static int run(String[] args, OutputStream stdout, PrintStream stderr) throws IOException {
        GeneratorArguments arguments;
        try {
            arguments = GeneratorArguments.parse(args);
        } catch (IllegalArgumentException e) {
            stderr.println("GenerateLdif: " + e.getMessage());
            stderr.println(USAGE);
            return 2;
        }
        if (arguments.help()) {
            stderr.println(USAGE);
            return 0;
        }
        PersonLdifGenerator generator = new PersonLdifGenerator(arguments.persons(), arguments.seed());
        long start = System.nanoTime();
        long bytes;
        if (arguments.out() == null) {
            bytes = generator.write(new BufferedOutputStream(stdout, 1 << 20));
        } else {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(arguments.out()), 1 << 20)) {
                bytes = generator.write(out);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stderr.println(String.format(Locale.ROOT, "GenerateLdif: %d entries (%d persons, seed %d), %d bytes, to %s in %.2f s",
                generator.entryCount(), arguments.persons(), arguments.seed(), bytes,
                arguments.out() == null ? "standard output" : arguments.out(), seconds));
        return 0;
    }

    /** The parsed options. {@code out} is null for standard output. */
    record GeneratorArguments(int persons, long seed, Path out, boolean help) {
        static GeneratorArguments parse(String[] args) {
            Integer persons = null;
            long seed = PersonLdifGenerator.DEFAULT_SEED;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--entries" -> persons = parseCount(value(args, i++));
                    case "--seed" -> seed = parseSeed(value(args, i++));
                    case "--out" -> out = Path.of(value(args, i++));
                    case "-h", "--help" -> {
                        return new GeneratorArguments(0, seed, null, true);
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (persons == null) {
                throw new IllegalArgumentException("--entries N is required");
            }
            return new GeneratorArguments(persons, seed, out, false);
        }

        private static String value(String[] args, int option) {
            if (option + 1 >= args.length) {
                throw new IllegalArgumentException(args[option] + " needs a value");
            }
            return args[option + 1];
        }

        private static int parseCount(String text) {
            try {
                int count = Integer.parseInt(text.replace("_", "").replace(",", ""));
                if (count < 0) {
                    throw new IllegalArgumentException("--entries must not be negative: " + text);
                }
                return count;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--entries needs a number, not " + text);
            }
        }

        private static long parseSeed(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed needs a number, not " + text);
            }
        }
    }
}
