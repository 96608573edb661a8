package app.soiree.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time the server costs, read from {@code /proc} outside it: its JVM and its PostgreSQL (the postmaster, every
 * backend and background worker). Each is the kernel's user + system time, so a reading costs the server nothing.
 *
 * <p>Attribution. The embedded PostgreSQL is started detached (zonky's {@code pg_ctl}): the postmaster is a child of
 * init, not of the server JVM, so it is found by its {@code postmaster.pid}, not by walking the JVM's tree. Backends come
 * and go (the pool reconnects, autovacuum workers start and end): a live process counts with its own times, and one that
 * exited was reaped by its parent, whose {@code cutime + cstime} then hold its times, so the postmaster's children's
 * times cover every backend that ended between two readings. The JVM's children (PostgreSQL's {@code pg_ctl} and
 * {@code initdb} at start) count the same way. What runs in the harness's JVM (Gatling, the harness) is not in either
 * tree; its own connections to PostgreSQL are, as backends, so their times are taken out: the harness's long-lived
 * connection (its correctness checks) by its backend pid, and the calibration's connections close before any phase
 * is measured, so a reading taken around a phase does not see them.
 *
 * <p>The JIT compiler's share of the JVM's time is read from the JVM's own threads ({@code /proc/<pid>/task}), by the
 * names HotSpot gives its compiler threads. A fresh JVM spends a good part of its first minutes of load compiling the code
 * that load runs; a server that has been up for a while has done so, and the phases mean to measure such a server
 * ({@code Benchmarks.warmUp}). With two cores HotSpot keeps one C1 and one C2 thread, which never end; were a compiler
 * thread to end between two readings its time would drop out of the sum, so a negative difference counts as none.
 */
final class ServerCpu {

    /** Cumulative CPU of the server's processes at one moment, in clock ticks. */
    record Reading(long jvmTicks, long compilerTicks, long postgresTicks, long harnessBackendTicks, long nanoTime) {
    }

    /** CPU used between two readings; {@code compiler} is the part of {@code jvm} the JIT compiler's threads used. */
    record Usage(Duration jvm, Duration compiler, Duration postgres, Duration wall) {

        Duration total() {
            return jvm.plus(postgres);
        }

        /** Milliseconds of server CPU per unit of work; NaN without work. */
        double millisPer(long units) {
            return units <= 0 ? Double.NaN : total().toNanos() / 1e6 / units;
        }

        /** Cores the server kept busy on average over the window. */
        double cores() {
            return wall.isZero() ? 0 : (double) total().toNanos() / wall.toNanos();
        }

        /** The JIT compiler's part of the JVM's CPU; 0 without any. */
        double compilerShare() {
            return jvm.isZero() ? 0 : (double) compiler.toNanos() / jvm.toNanos();
        }

        String describe() {
            return "JVM %.1f s (of which the JIT compiler %.1f s) + PostgreSQL %.1f s over %.1f s (%.2f cores)".formatted(
                    jvm.toMillis() / 1000.0, compiler.toMillis() / 1000.0, postgres.toMillis() / 1000.0, wall.toMillis() / 1000.0, cores());
        }
    }

    private static final long TICKS_PER_SECOND = clockTicksPerSecond();

    private final Supplier<Long> jvmPid;
    private final Supplier<Optional<Long>> postmasterPid;
    private final Supplier<Set<Long>> harnessBackends;

    /**
     * @param jvmPid          the server JVM (it changes when the server is restarted)
     * @param postmasterPid   the embedded PostgreSQL's postmaster; empty with an external database, which is not counted
     * @param harnessBackends backend pids of the harness's own connections, whose work is not the server's
     */
    ServerCpu(Supplier<Long> jvmPid, Supplier<Optional<Long>> postmasterPid, Supplier<Set<Long>> harnessBackends) {
        this.jvmPid = jvmPid;
        this.postmasterPid = postmasterPid;
        this.harnessBackends = harnessBackends;
    }

    Reading read() {
        Optional<Long> postmaster = postmasterPid.get();
        Set<Long> postgres = postmaster.map(ServerCpu::treeOf).orElse(Set.of());
        Set<Long> jvm = new HashSet<>(treeOf(jvmPid.get()));
        jvm.removeAll(postgres); // were PostgreSQL ever started as the JVM's child, count it once, as PostgreSQL
        Set<Long> harness = new HashSet<>(harnessBackends.get());
        harness.retainAll(postgres);
        long harnessTicks = harness.stream().mapToLong(pid -> times(pid).own()).sum();
        return new Reading(jvm.stream().mapToLong(pid -> times(pid).withReapedChildren()).sum(), compilerTicks(jvmPid.get()),
                postgres.stream().mapToLong(pid -> times(pid).withReapedChildren()).sum() - harnessTicks,
                harnessTicks, System.nanoTime());
    }

    static Usage between(Reading before, Reading after) {
        return new Usage(ticks(after.jvmTicks() - before.jvmTicks()), ticks(Math.max(0, after.compilerTicks() - before.compilerTicks())),
                ticks(after.postgresTicks() - before.postgresTicks()), Duration.ofNanos(after.nanoTime() - before.nanoTime()));
    }

    /**
     * The CPU time of the JVM's JIT compiler threads ("C1 CompilerThread0", "C2 CompilerThread0", ...; the kernel keeps a
     * thread's first 15 characters as its {@code comm}), in ticks.
     */
    static long compilerTicks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(thread -> {
                try {
                    return isCompilerThread(Files.readString(thread.resolve("comm")).strip())
                            ? parseStat(Files.readString(thread.resolve("stat"))).own() : 0;
                } catch (IOException ended) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0; // the JVM is gone
        }
    }

    static boolean isCompilerThread(String comm) {
        return comm.matches("C[12] CompilerThre.*");
    }

    /** Usage from {@code before} until now. */
    Usage since(Reading before) {
        return between(before, read());
    }

    static long ticksPerSecond() {
        return TICKS_PER_SECOND;
    }

    private static Duration ticks(long ticks) {
        return Duration.ofNanos(ticks * 1_000_000_000L / TICKS_PER_SECOND);
    }

    private static Set<Long> treeOf(long pid) {
        Set<Long> pids = new LinkedHashSet<>();
        ProcessHandle.of(pid).ifPresent(root -> Stream.concat(Stream.of(root), root.descendants()).forEach(p -> pids.add(p.pid())));
        return pids;
    }

    /** A process's user + system time, its own and its reaped children's, in ticks; zero once it is gone. */
    record Times(long own, long reapedChildren) {
        long withReapedChildren() {
            return own + reapedChildren;
        }
    }

    static Times times(long pid) {
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            // Ended between listing and reading: its parent's children's times have it, or will at the next reading.
            return new Times(0, 0);
        }
    }

    /**
     * {@code /proc/<pid>/stat}: the command name (field 2) is in parentheses and may hold spaces, so fields are counted
     * after its closing parenthesis; utime, stime, cutime and cstime are fields 14 to 17 (proc(5)).
     */
    static Times parseStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        int utime = 14 - 3; // fields[0] is field 3, the state
        return new Times(Long.parseLong(fields[utime]) + Long.parseLong(fields[utime + 1]),
                Long.parseLong(fields[utime + 2]) + Long.parseLong(fields[utime + 3]));
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to Linux's USER_HZ on every common architecture
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
