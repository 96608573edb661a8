package app.soiree.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rounds of a phase's own load, not measured, until the server's JIT compiler has settled. A fresh JVM interprets a path
 * first and compiles it with its optimising compiler (C2) only after some thousands of calls; until then the compiler
 * threads take their share of the cores, a cost a server that has been up for a while paid long before. Each round is
 * the phase's load once; the rounds end after one in which the compiler threads used at most {@code settledShare} of the
 * server JVM's CPU ({@link ServerCpu}), or after {@code maxRounds}.
 */
final class CompilerWarmUp {

    /** One round of load; returns once the server has done all of the round's work. */
    interface Round {
        void run(int round) throws Exception;
    }

    /** The compiler's share of the JVM's CPU in each round run, and whether the last was at most the settled share. */
    record Result(List<Double> shares, boolean settled, Duration took) {

        String describe(double settledShare) {
            return String.join(", ", shares.stream().map(Benchmarks::percent).toList())
                    + (settled || shares.isEmpty() ? "" : " (more than %s in the last)".formatted(Benchmarks.percent(settledShare)));
        }
    }

    private CompilerWarmUp() {
    }

    static Result run(ServerCpu cpu, int maxRounds, double settledShare, Round round) throws Exception {
        long started = System.nanoTime();
        List<Double> shares = new ArrayList<>();
        boolean settled = false;
        for (int n = 1; n <= maxRounds && !settled; n++) {
            ServerCpu.Reading before = cpu.read();
            round.run(n);
            double share = cpu.since(before).compilerShare();
            shares.add(share);
            settled = share <= settledShare;
        }
        return new Result(List.copyOf(shares), settled, Duration.ofNanos(System.nanoTime() - started));
    }
}
