package app.soiree.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server under test as a child JVM started from the packaged jar, exactly as an operator runs it
 * ({@code java -jar server.jar}). A child process, not an in-process Spring context, so that its start
 * time includes the JVM's own, its resident memory is its own, and the load generator's heap and
 * threads are not counted against it.
 */
final class ServerProcess {

    static final String ADMIN_EMAIL = "bench-admin@soiree.test";

    private final Settings settings;
    private final Path dataDir;
    private final Path log;
    private final int httpPort;
    private final int postgresPort;
    private final String adminPassword = "admin-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private List<String> launch;

    ServerProcess(Settings settings) {
        this.settings = settings;
        this.dataDir = settings.output().resolve("data");
        this.log = settings.output().resolve("server.log");
        this.httpPort = freePort();
        this.postgresPort = freePort();
        this.launch = List.of("-jar", settings.serverJar().toString());
    }

    /** From now on, starts the server as {@code image} ships it (the extracted jar with its AOT cache). */
    void launchFrom(AotCache image) {
        this.launch = image.launch();
    }


    /** Deletes the data directory of an earlier run: the first start measured is a first start. */
    void wipeData() throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dataDir);
    }

    /** Starts the server and returns how long it took until {@code /actuator/health} said UP. */
    Duration start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.serverJar())) {
            throw new IllegalStateException("No server jar at " + settings.serverJar()
                    + ": build it first, e.g. ./mvnw -B -Pbenchmarks -pl load-tests -am verify -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.serverJvmArgs());
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(launch);
        command.add("--server.port=" + httpPort);
        command.add("--soiree.data-dir=" + dataDir);
        if (settings.embeddedDatabase()) {
            // A fixed port, so that calibration and the correctness checks reach the same PostgreSQL.
            command.add("--soiree.embedded-postgres.port=" + postgresPort);
            if (settings.statementStatistics()) {
                command.add("--soiree.embedded-postgres.statement-statistics=true");
            }
        } else {
            command.add("--spring.datasource.url=" + settings.jdbcUrl());
            command.add("--spring.datasource.username=" + settings.jdbcUser());
            command.add("--spring.datasource.password=" + settings.jdbcPassword());
        }
        command.add("--soiree.admin.email=" + ADMIN_EMAIL);
        command.add("--soiree.admin.password=" + adminPassword);
        // Setup signs in thousands of guests from one address; the limits protect accounts, not this run.
        command.add("--soiree.identity.login-attempts-per-account-per-minute=1000000");
        command.add("--soiree.identity.login-attempts-per-address-per-minute=1000000");
        // Every simulated guest registers and books from the loopback; the abuse limits would see one scalper.
        command.add("--soiree.abuse.exempt-addresses=127.0.0.1,0:0:0:0:0:0:0:1");
        // Tokens issued during setup must outlive a long run; no measured request signs in.
        command.add("--soiree.identity.access-token-ttl=PT4H");
        // The chat phase posts from a thousand users at a rate of its own choosing; the per-user cap is not what it measures.
        command.add("--soiree.chat.messages-per-minute=100000");
        // Only registration and sign-in hash passwords, and both are setup, not measured: a cheap hash
        // keeps a 5,000-guest setup from dominating the run on two cores.
        command.add("--soiree.security.bcrypt-strength=4");
        command.addAll(settings.serverArgs());

        Files.createDirectories(log.getParent());
        Files.writeString(log, "\n==== " + String.join(" ", command).replace(adminPassword, "***") + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        long started = System.nanoTime();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::killIfRunning));
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + " before it was healthy; see " + log);
            }
            if (healthy()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The server was not healthy after 5 minutes; see " + log);
    }

    /** Stops the server as an operator would (SIGTERM, graceful shutdown) and returns how long it took. */
    Duration stop() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The server did not stop within 2 minutes of SIGTERM; killed it");
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void killIfRunning() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    String adminPassword() {
        return adminPassword;
    }

    long pid() {
        return process.pid();
    }

    String jdbcUrl() {
        return settings.embeddedDatabase() ? "jdbc:postgresql://localhost:" + postgresPort + "/postgres" : settings.jdbcUrl();
    }

    Path log() {
        return log;
    }

    /** The server JVM's resident set (VmRSS), in bytes. */
    long jvmResidentBytes() {
        return Memory.residentBytes(process.pid());
    }

    /**
     * The embedded PostgreSQL's memory: the proportional set size (PSS) of the postmaster and all its
     * backends, so shared buffers count once, not once per backend. Empty with an external database.
     */
    Optional<Memory.ProportionalSet> postgresProportionalSet() {
        if (!settings.embeddedDatabase()) {
            return Optional.empty();
        }
        try {
            return postmasterPid().map(Memory::proportionalSetOfTree);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The embedded PostgreSQL's postmaster, from its {@code postmaster.pid}: zonky starts it detached, so it is a child
     * of init, not of the server JVM. Empty with an external database, or while no PostgreSQL runs on the data directory.
     */
    Optional<Long> postmasterPid() {
        if (!settings.embeddedDatabase()) {
            return Optional.empty();
        }
        try {
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            return ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Work on the server's database while the server is stopped. */
    interface DatabaseWork<T> {
        T run(java.sql.Connection connection) throws Exception;
    }

    /**
     * Starts the embedded PostgreSQL alone, with the command line it last ran with (its own {@code postmaster.opts}:
     * the same binaries, data directory, port and settings, so the same durability), runs {@code work} on a connection
     * to it, and stops it. Only while the server is stopped. As zonky does, a root user runs it in a user namespace
     * of its own ({@code unshare -U}), as PostgreSQL refuses to run as root.
     */
    <T> T withPostgresAlone(String jdbcUser, String jdbcPassword, DatabaseWork<T> work) throws Exception {
        if (!settings.embeddedDatabase() || (process != null && process.isAlive())) {
            throw new IllegalStateException("PostgreSQL runs alone only while the server is stopped, and only the embedded one");
        }
        awaitPostgresStopped();
        Path cluster = dataDir.resolve("postgres");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(postmasterCommand(Files.readString(cluster.resolve("postmaster.opts"))));
        Path alone = settings.output().resolve("postgres-alone.log");
        Process postgres = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(alone.toFile())).start();
        try {
            java.util.Properties credentials = new java.util.Properties();
            credentials.setProperty("user", jdbcUser);
            if (!jdbcPassword.isEmpty()) {
                credentials.setProperty("password", jdbcPassword);
            }
            java.sql.Connection connection = Waiting.until("PostgreSQL started alone (see " + alone + ")", Duration.ofSeconds(60), () -> {
                if (!postgres.isAlive()) {
                    throw new IllegalStateException("PostgreSQL started alone exited with " + postgres.exitValue() + "; see " + alone);
                }
                try {
                    return java.sql.DriverManager.getConnection(jdbcUrl(), credentials);
                } catch (java.sql.SQLException e) {
                    return null;
                }
            });
            try (connection) {
                return work.run(connection);
            }
        } finally {
            postgres.destroy(); // SIGTERM: a smart shutdown, with a checkpoint; nobody is connected any more
            if (!postgres.waitFor(2, TimeUnit.MINUTES)) {
                postgres.destroyForcibly().waitFor();
                throw new IllegalStateException("PostgreSQL started alone did not stop within 2 minutes of SIGTERM; killed it");
            }
        }
    }

    /** The server stops its PostgreSQL as its context closes; it must be gone before it is started again on the same directory. */
    private void awaitPostgresStopped() throws InterruptedException {
        Optional<ProcessHandle> postmaster = postmasterPid().flatMap(ProcessHandle::of);
        if (postmaster.isEmpty()) {
            return;
        }
        try {
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The server's PostgreSQL (pid " + postmaster.get().pid() + ") was still running 60 s after the server stopped", e);
        }
    }

    /** {@code postmaster.opts}: the binary, then each argument in double quotes. */
    static List<String> postmasterCommand(String opts) {
        String line = opts.strip();
        int firstQuote = line.indexOf('"');
        List<String> command = new ArrayList<>();
        command.add((firstQuote < 0 ? line : line.substring(0, firstQuote)).strip());
        java.util.regex.Matcher argument = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        while (argument.find()) {
            command.add(argument.group(1).replace("\\\"", "\""));
        }
        return command;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
