package app.soiree.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Memory of processes as Linux accounts it, from {@code /proc}. */
final class Memory {

    private Memory() {
    }

    static long residentBytes(long pid) {
        return kibField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:") * 1024;
    }

    /**
     * Proportional set size of a process and all its descendants (shared pages are split among their users), and how much
     * of it is shared memory ({@code Pss_Shmem}: PostgreSQL's shared buffers), the rest being the processes' own.
     */
    static ProportionalSet proportionalSetOfTree(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        long total = 0;
        long shared = 0;
        int processes = 0;
        for (ProcessHandle process : Stream.concat(Stream.of(root), root.descendants()).toList()) {
            Path rollup = Path.of("/proc", Long.toString(process.pid()), "smaps_rollup");
            total += kibField(rollup, "Pss:") * 1024;
            shared += kibField(rollup, "Pss_Shmem:") * 1024;
            processes++;
        }
        return new ProportionalSet(total, shared, processes);
    }

    record ProportionalSet(long bytes, long sharedBytes, int processes) {
    }

    static long totalMemoryBytes() {
        return kibField(Path.of("/proc/meminfo"), "MemTotal:") * 1024;
    }

    private static long kibField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
            return 0;
        } catch (IOException e) {
            return 0; // the process ended meanwhile, or this is not Linux
        }
    }
}
