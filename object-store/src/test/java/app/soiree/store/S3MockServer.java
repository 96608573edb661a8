package app.soiree.store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * Adobe's S3Mock, a real S3 wire-protocol server, in a JVM of its own: it is a Spring Boot 3 application and must not
 * share a class path with this Spring Boot 4 one. Maven copies its executable jar to {@code target/s3mock}
 * (generate-test-resources) and hands its path over as the system property {@code s3mock.jar}.
 *
 * <p>Both of its ports are left for the operating system to choose (no race with other builds for a "free" port); the
 * plain HTTP one is read back from its log, which stays in {@code target/s3mock/run} for when a start fails.
 */
final class S3MockServer implements AutoCloseable {

    static final String BUCKET = "soiree-test";
    static final String ACCESS_KEY = "s3mock-access-key";
    static final String SECRET_KEY = "s3mock-secret-key";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Spring Boot 3.5's line once both connectors listen: "Tomcat started on ports 41233 (https), 40121 (http) ...". */
    private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on ports? .*?(\\d+) \\(http\\)");

    private final Process process;
    private final Thread killOnExit;
    private final Path root;
    private final URI endpoint;

    private S3MockServer(Process process, Thread killOnExit, Path root, URI endpoint) {
        this.process = process;
        this.killOnExit = killOnExit;
        this.root = root;
        this.endpoint = endpoint;
    }

    static S3MockServer start() throws IOException, InterruptedException {
        String jarProperty = System.getProperty("s3mock.jar");
        if (jarProperty == null || !Files.isRegularFile(Path.of(jarProperty))) {
            throw new IllegalStateException("S3Mock's executable jar is missing (system property s3mock.jar = " + jarProperty
                    + "): run the tests through Maven, which copies it to object-store/target/s3mock");
        }
        Path jar = Path.of(jarProperty).toAbsolutePath();
        Path run = jar.resolveSibling("run");
        FileSystemUtils.deleteRecursively(run);
        Files.createDirectories(run);
        Path log = run.resolve("s3mock.log");
        Path root = run.resolve("root");
        // The test JVM's own java (21+, enforced by the build), not whatever "java" the PATH names (17 on these machines).
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java,
                // A server for a few seconds of tests: start fast rather than run fast.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-jar", jar.toString(),
                "--server.port=0", // its HTTPS connector, unused
                "--com.adobe.testing.s3mock.http-port=0",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // Every download a test abandons (the point of one test) would log a stack trace at WARN.
                "--logging.level.com.adobe.testing.s3mock.S3MockConfiguration=ERROR",
                "--logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO");
        Process process = new ProcessBuilder(command)
                .directory(run.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // Should the test JVM end without closing this (a crash, a forced stop), the server goes with it.
        Thread killOnExit = new Thread(process::destroyForcibly, "s3mock-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        S3MockServer server = null;
        try {
            long started = System.nanoTime();
            long deadline = started + START_TIMEOUT.toNanos();
            int port = awaitHttpPort(process, log, deadline);
            long listening = System.nanoTime();
            server = new S3MockServer(process, killOnExit, root, URI.create("http://127.0.0.1:" + port));
            server.awaitBucket(log, deadline);
            System.out.printf("S3Mock on port %d: listening after %d ms, its bucket answering after %d ms more%n", port,
                    (listening - started) / 1_000_000, (System.nanoTime() - listening) / 1_000_000);
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (server != null) {
                server.close();
            } else {
                process.destroyForcibly();
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            }
            throw e;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** Settings of a store on this server. */
    StorageProperties.S3 properties(String bucket, boolean createBucket) {
        return new StorageProperties.S3(endpoint, "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true, createBucket);
    }

    /**
     * Kills the server outright: asked politely, S3Mock takes more than 10 s to stop, and nothing it holds needs a clean
     * ending (the objects are deleted here; its log stays for reading).
     */
    @Override
    public void close() {
        process.info().totalCpuDuration().ifPresent(cpu -> System.out.printf("S3Mock used %d ms of CPU%n", cpu.toMillis()));
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            FileSystemUtils.deleteRecursively(root);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Deleted at the next start.
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs anyway and finds the process gone.
        }
    }

    private static int awaitHttpPort(Process process, Path log, long deadline) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            OptionalInt port = httpPortIn(Files.readString(log, StandardCharsets.UTF_8));
            if (port.isPresent()) {
                return port.getAsInt();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock stopped with exit code " + process.exitValue() + " before listening:\n"
                        + tail(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("S3Mock did not listen within " + START_TIMEOUT + ":\n" + tail(log));
    }

    /** Its lazily initialised store answers once the first request has built it: ready is the bucket answering 200. */
    private void awaitBucket(Path log, long deadline) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest head = HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10))
                    .build();
            int status = -1;
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    status = http.send(head, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not answering yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("S3Mock's bucket " + BUCKET + " did not answer (last status " + status + "):\n"
                    + tail(log));
        }
    }

    static OptionalInt httpPortIn(String log) {
        Matcher matcher = HTTP_PORT.matcher(log);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
