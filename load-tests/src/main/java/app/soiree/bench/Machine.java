package app.soiree.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the numbers were measured on: they mean little without it. */
final class Machine {

    private Machine() {
    }

    static void describe(Report report, Settings settings) {
        report.machine("CPU", Runtime.getRuntime().availableProcessors() + " cores available, " + cpuModel());
        report.machine("memory", (Memory.totalMemoryBytes() >> 30) + " GiB");
        report.machine("load average at the start (1, 5, 15 min)", loadAverage()
                + " — other work on the machine competes with the server, the load generator and PostgreSQL");
        report.machine("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.machine("JDK (harness and server)", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        report.machine("server", settings.serverJar().getFileName() + (settings.serverJvmArgs().isEmpty() ? ", default JVM options"
                : ", JVM options " + String.join(" ", settings.serverJvmArgs())) + (settings.serverArgs().isEmpty() ? ""
                : ", arguments " + String.join(" ", settings.serverArgs())));
        report.machine("settings", settings.describe());
        gitCommit().ifPresent(commit -> report.machine("commit", commit));
    }

    static void describeDatabase(Report report, Database database) {
        report.machine("PostgreSQL", database.setting("server_version"));
        report.machine("PostgreSQL durability", "fsync=" + database.setting("fsync") + ", synchronous_commit=" + database.setting("synchronous_commit")
                + ", full_page_writes=" + database.setting("full_page_writes") + ", shared_buffers=" + database.setting("shared_buffers")
                + ", max_connections=" + database.setting("max_connections"));
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown model");
        } catch (IOException e) {
            return "unknown model";
        }
    }

    private static java.util.Optional<String> gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? java.util.Optional.of(out) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
