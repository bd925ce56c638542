package org.larch.integration.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./larch} makes the JDK's AOT start-up cache once per build (server/target/larch-JDK.aot, newer
 * than the jar) and runs with it, and neither the training nor the cache put anything on a command's
 * standard output. Skipped when the server has not been packaged.
 */
class LauncherStartupCacheTest {

    @Test
    void theLauncherMakesAndUsesTheCacheWithCleanOutput(@TempDir Path work) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path jar = root.resolve("server/target/larch-server.jar");
        assumeTrue(Files.exists(jar), "the server is not packaged");
        for (Path cache : caches(root.resolve("server/target"))) {
            Files.delete(cache); // so the first run makes it
        }

        String first = run(root, work, "first");
        List<Path> caches = caches(root.resolve("server/target"));
        String second = run(root, work, "second");

        assertTrue(first.startsWith("larch "), first);
        assertTrue(Files.readString(work.resolve("first.err")).contains("making the start-up cache"));
        assertEquals(first, second, "the same output with the cache as while making it");
        assertFalse(second.contains("aot") || second.contains("warning"), second);
        assertEquals(1, caches.size(), "one cache for the JDK: " + caches);
        assertTrue(Files.getLastModifiedTime(caches.getFirst()).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the cache is newer than the jar");
    }

    private static String run(Path root, Path work, String name) throws IOException, InterruptedException {
        Path out = work.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("larch").toString(), "--version")
                .redirectOutput(out.toFile())
                .redirectError(work.resolve(name + ".err").toFile());
        builder.environment().put("LARCH_NO_BUILD", "1");
        builder.environment().remove("LARCH_NO_AOT");
        builder.environment().remove("LARCH_JAVA_OPTS");
        Process process = builder.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the launcher did not finish");
        assertEquals(0, process.exitValue(), Files.readString(work.resolve(name + ".err")));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static List<Path> caches(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().matches("larch-.*\\.aot")).toList();
        }
    }
}
