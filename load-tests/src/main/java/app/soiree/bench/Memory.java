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

    /** Proportional set size of a process and all its descendants: shared pages are split among their users. */
    static long proportionalBytesOfTree(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        return Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(process -> kibField(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"), "Pss:") * 1024)
                .sum();
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
