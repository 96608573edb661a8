package app.soiree.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server as the Dockerfile ships it: the jar extracted (Spring Boot's {@code tools} jar mode) and the JDK's AOT
 * cache, written by one training run (profile {@code aot-training}: the server books, pays, reads and chats through its
 * own API, then exits). A start with the cache finds its classes already loaded and linked (measured by hand: 30 s to
 * healthy without it, 19 s with it), and the JIT compiler finds the training's method profiles. Building it is the image
 * build's work, not the start's, so it is not measured; its duration is noted.
 */
final class AotCache {

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path directory;
    private final Path jar;
    private final Path cache;

    private AotCache(Path directory) {
        this.directory = directory;
        this.jar = directory.resolve("soiree.jar");
        this.cache = directory.resolve("soiree.aot");
    }

    /** Extracts {@code serverJar} under {@code output/app} and trains the cache there; answers how long it took. */
    static AotCache build(Settings settings, Path log) throws IOException, InterruptedException {
        AotCache image = new AotCache(settings.output().resolve("app"));
        image.deleteEarlierBuild();
        run(log, List.of(image.java.toString(), "-Djarmode=tools", "-jar", settings.serverJar().toString(), "extract",
                "--destination", image.directory.toString()));
        try (Stream<Path> jars = Files.list(image.directory)) {
            Path extracted = jars.filter(path -> path.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Extracting " + settings.serverJar() + " produced no jar"));
            Files.move(extracted, image.jar);
        }
        List<String> training = new ArrayList<>();
        training.add(image.java.toString());
        training.addAll(settings.serverJvmArgs());
        training.addAll(List.of("-XX:AOTCacheOutput=" + image.cache, "-Daxoniq.update-checker.disabled=true",
                "-jar", image.jar.toString(), "--spring.profiles.active=aot-training", "--server.port=0",
                "--soiree.data-dir=" + image.directory.resolve("training-data")));
        try {
            run(log, training);
        } finally {
            stopTrainingPostgres(image.directory.resolve("training-data").resolve("postgres"));
        }
        if (!Files.isRegularFile(image.cache)) {
            throw new IllegalStateException("The training start wrote no AOT cache; see " + log);
        }
        return image;
    }

    /** What the measured starts run instead of {@code -jar server.jar}. */
    List<String> launch() {
        return List.of("-XX:AOTCache=" + cache, "-jar", jar.toString());
    }

    private void deleteEarlierBuild() throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * The training run closes its context, which stops its embedded PostgreSQL; one that did not get there (it failed to
     * start, or was killed on the timeout) would leave that PostgreSQL (detached, a child of init) to idle beside every
     * measured phase, and outlive the run.
     */
    private static void stopTrainingPostgres(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        ProcessHandle.of(pid).filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false))
                .ifPresent(postgres -> {
                    postgres.destroy(); // SIGTERM: a smart shutdown; nothing is connected any more
                    try {
                        postgres.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("The training start's PostgreSQL (pid " + pid + ") did not stop", e);
                    }
                });
    }

    private static void run(Path log, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Exited with " + process.exitValue() + ": " + String.join(" ", command) + "; see " + log);
        }
    }
}
