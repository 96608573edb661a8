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
            // Both fields from one read: a process that ends between two reads would count its shared part without its total.
            long[] kib = kibFields(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"), "Pss:", "Pss_Shmem:");
            total += kib[0] * 1024;
            shared += kib[1] * 1024;
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
        return kibFields(file, field)[0];
    }

    /** The values of {@code fields} in kiB, each 0 where absent, read from one reading of the file. */
    private static long[] kibFields(Path file, String... fields) {
        long[] kib = new long[fields.length];
        try {
            for (String line : Files.readAllLines(file)) {
                for (int i = 0; i < fields.length; i++) {
                    if (line.startsWith(fields[i])) {
                        kib[i] = Long.parseLong(line.substring(fields[i].length()).trim().split("\\s+")[0]);
                    }
                }
            }
        } catch (IOException e) {
            return new long[fields.length]; // the process ended meanwhile, or this is not Linux
        }
        return kib;
    }
}
