package app.soiree.bench;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a simulation in this JVM, as Gatling's own launcher does, so that the simulation sees the
 * plan the harness prepared and records into {@link Samples}. The HTML report lands in its own folder
 * under {@code gatling/}.
 */
final class GatlingRunner {

    private final Path resultsFolder;

    GatlingRunner(Path output) {
        this.resultsFolder = output.resolve("gatling");
    }

    /** Runs the simulation and returns its HTML report, if Gatling wrote one. */
    Optional<Path> run(Class<? extends Simulation> simulation, String description) throws IOException {
        Files.createDirectories(resultsFolder);
        int status = Gatling$.MODULE$.fromArgs(new String[] {
                "-s", simulation.getName(),
                "-rf", resultsFolder.toString(),
                "-rd", description,
                "-l", "soiree-benchmarks"});
        if (status != 0) {
            // Assertions are not used, so a non-zero status means Gatling itself failed to run.
            throw new IllegalStateException("Gatling ended " + simulation.getSimpleName() + " with status " + status);
        }
        String prefix = simulation.getSimpleName().toLowerCase();
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.filter(run -> run.getFileName().toString().startsWith(prefix))
                    .max(Comparator.comparing(run -> run.getFileName().toString()))
                    .map(run -> run.resolve("index.html"))
                    .filter(Files::exists);
        }
    }
}
