package app.soiree.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Java Flight Recordings of the server during a phase ({@code -Dbenchmarks.jfr=true}), started and
 * stopped with {@code jcmd}, and a short summary of each: where the server's CPU went (by thread, by
 * library and by method, from execution samples) and where its threads waited (socket reads from
 * PostgreSQL, parked and blocked threads).
 */
final class Profiler {

    private final long pid;
    private final Path folder;
    private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    Profiler(long pid, Path output) {
        this.pid = pid;
        this.folder = output.resolve("profiles");
    }

    /**
     * JFR's profile settings sample running Java threads every 10 ms, which left a ten-second rush about 200 samples of the
     * server's CPU, too few to rank anything below a tenth; every millisecond gives six times as many for the same run.
     * The machine's and the JVM's CPU load every 100 ms show a phase's first second, where a rush's latency is made.
     */
    void start(String phase) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        jcmd("JFR.start", "name=" + phase, "settings=profile", "jdk.ExecutionSample#period=1ms", "jdk.CPULoad#period=100ms",
                "filename=" + recording(phase));
    }

    /** Stops the phase's recording and returns its summary in markdown. */
    String stop(String phase) throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=" + phase);
        String summary = summarize(recording(phase));
        Files.writeString(folder.resolve(phase + ".md"), summary);
        return summary;
    }

    private Path recording(String phase) {
        return folder.resolve(phase + ".jfr");
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    static String summarize(Path recording) throws IOException {
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> selfByMethod = new HashMap<>();
        Map<String, Integer> totalByMethod = new HashMap<>();
        Map<String, Duration> socketReadsByThread = new HashMap<>();
        Map<String, Duration> waitsBySite = new HashMap<>();
        Duration gcPauses = Duration.ZERO;
        double machineCpu = 0;
        double jvmCpu = 0;
        int cpuReadings = 0;
        int samples = 0;

        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    byThread.merge(threadGroup(event.getThread("sampledThread").getJavaName()), 1, Integer::sum);
                    RecordedFrame leaf = stack.getFrames().getFirst();
                    byLibrary.merge(library(leaf), 1, Integer::sum);
                    selfByMethod.merge(method(leaf), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : stack.getFrames()) {
                        String method = method(frame);
                        if (interesting(frame) && seen.add(method)) {
                            totalByMethod.merge(method, 1, Integer::sum);
                        }
                    }
                }
                case "jdk.SocketRead" -> socketReadsByThread.merge(threadGroup(event.getThread().getJavaName()), event.getDuration(), Duration::plus);
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || idle(stack)) {
                        continue;
                    }
                    // The first frame outside java.util.concurrent and the JDK's internals says who waits for what.
                    String site = stack.getFrames().stream().filter(frame -> !jdkInternal(frame)).findFirst().map(Profiler::method).orElse("?");
                    waitsBySite.merge((type.endsWith("Park") ? "parked in " : "blocked in ") + site, event.getDuration(), Duration::plus);
                }
                case "jdk.GarbageCollection" -> gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
                case "jdk.CPULoad" -> {
                    machineCpu += event.getFloat("machineTotal");
                    jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    cpuReadings++;
                }
                default -> {
                }
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("Recording: `").append(recording.getFileName()).append("`, ").append(samples).append(" CPU samples");
        if (cpuReadings > 0) {
            out.append("; CPU busy on average: machine %.0f %%, server JVM %.0f %%".formatted(100 * machineCpu / cpuReadings, 100 * jvmCpu / cpuReadings));
        }
        out.append("; GC pauses in total ").append(gcPauses.toMillis()).append(" ms.\n\n");
        out.append(table("Server CPU by thread", "thread", byThread, samples, 8));
        out.append(table("Server CPU by library (the leaf frame's code)", "library", byLibrary, samples, 10));
        out.append(table("Hottest methods, inclusive (Soiree, Axon, Hibernate, Spring, JDBC, Jackson frames)", "method", totalByMethod, samples, 20));
        out.append(table("Hottest methods, self", "method", selfByMethod, samples, 12));
        out.append(durations("Time in socket reads (waiting for PostgreSQL or a client), by thread; events of 10 ms and more", socketReadsByThread, 8));
        out.append(durations("Time parked or blocked (not counting idle pool threads and processors waiting for new events), "
                + "by the first frame outside the JDK; events of 10 ms and more", waitsBySite, 10));
        return out.toString();
    }

    private static String table(String title, String column, Map<String, Integer> counts, int total, int limit) {
        StringBuilder out = new StringBuilder("**").append(title).append("**\n\n| ").append(column).append(" | share of samples |\n|---|---:|\n");
        top(counts, limit).forEach((key, count) -> out.append("| `").append(key).append("` | ")
                .append("%.1f %%".formatted(100.0 * count / Math.max(1, total))).append(" |\n"));
        return out.append('\n').toString();
    }

    private static String durations(String title, Map<String, Duration> totals, int limit) {
        StringBuilder out = new StringBuilder("**").append(title).append("**\n\n| where | total |\n|---|---:|\n");
        totals.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> out.append("| `").append(entry.getKey()).append("` | ").append(entry.getValue().toMillis()).append(" ms |\n"));
        return out.append('\n').toString();
    }

    private static <K> Map<K, Integer> top(Map<K, Integer> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<K, Integer>comparingByValue().reversed()).limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Thread names without their numbers: "http-nio-8080-exec-12" and "-exec-3" are one group. */
    static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "#");
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** A worker with nothing to do: an idle pool thread, or a tracking processor waiting for the next event. */
    private static boolean idle(RecordedStackTrace stack) {
        return stack.getFrames().stream().map(Profiler::method).anyMatch(method -> method.equals("ThreadPoolExecutor.getTask")
                || method.equals("ForkJoinPool.awaitWork") || method.equals("ScheduledThreadPoolExecutor$DelayedWorkQueue.take")
                || method.equals("EmbeddedEventStore$EventConsumer.peekGlobalStream") || method.equals("EmbeddedEventStore$EventProducer.waitForData")
                || method.equals("NioEndpoint$Poller.run") || method.equals("Thread.sleep"));
    }

    private static boolean jdkInternal(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.startsWith("java.util.concurrent.") || type.startsWith("jdk.internal.") || type.startsWith("sun.misc.")
                || type.equals("java.lang.Thread") || type.equals("java.lang.Object") || type.startsWith("java.lang.invoke.");
    }

    private static boolean interesting(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.startsWith("app.soiree.") || type.startsWith("org.axonframework.") || type.startsWith("org.hibernate.")
                || type.startsWith("org.postgresql.") || type.startsWith("tools.jackson.") || type.startsWith("com.zaxxer.")
                || (type.startsWith("org.springframework.") && !type.contains(".cglib."));
    }

    private static String library(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String[][] libraries = {
                {"app.soiree.", "Soiree"}, {"org.axonframework.", "Axon"}, {"org.hibernate.", "Hibernate"},
                {"org.postgresql.", "PostgreSQL JDBC"}, {"com.zaxxer.hikari.", "Hikari"}, {"tools.jackson.", "Jackson 3"},
                {"com.fasterxml.jackson.", "Jackson 2"}, {"org.springframework.security.", "Spring Security"},
                {"org.springframework.", "Spring"}, {"org.apache.catalina.", "Tomcat"}, {"org.apache.coyote.", "Tomcat"},
                {"org.apache.tomcat.", "Tomcat"}, {"com.nimbusds.", "Nimbus JOSE/JWT"}, {"org.bouncycastle.", "Bouncy Castle"},
                {"sun.security.", "JDK crypto"}, {"com.sun.crypto.", "JDK crypto"}, {"java.", "JDK"}, {"jdk.", "JDK"}, {"sun.", "JDK"}};
        for (String[] library : libraries) {
            if (type.startsWith(library[0])) {
                return library[1];
            }
        }
        int secondDot = type.indexOf('.', type.indexOf('.') + 1);
        return secondDot > 0 ? type.substring(0, secondDot) : type;
    }
}
