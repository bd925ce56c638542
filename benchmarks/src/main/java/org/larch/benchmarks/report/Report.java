package org.larch.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the benchmark table from JMH JSON result files (one per round of the suite), as
 * {@code ./run-benchmarks} does after running JMH:
 * <pre>java -cp target/benchmarks.jar:target/lib/* org.larch.benchmarks.report.Report result.json…</pre>
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Report jmh-result.json [more rounds' results …]");
            System.exit(2);
        }
        List<List<Measurement>> rounds = new ArrayList<>();
        for (String file : args) {
            rounds.add(Measurement.fromJmhJson(Files.readString(Path.of(file))));
        }
        if (rounds.stream().allMatch(List::isEmpty)) {
            System.err.println("no benchmark results in " + String.join(", ", args));
            System.exit(1);
        }
        System.out.print(new ResultTable(rounds).render());
    }
}
