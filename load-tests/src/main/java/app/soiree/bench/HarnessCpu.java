package app.soiree.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load generator's own CPU: this JVM's (Gatling and the harness), sampled every 100 ms while a phase runs, so that
 * what it used between two moments of the phase (the first request sent and the last answer received) can be told. It
 * shares the machine's two cores with the server, and a server's answer that waits for a core the load generator holds
 * is measured as the server's latency: this says how much of the machine that was.
 */
final class HarnessCpu implements AutoCloseable {

    private record Sample(long epochMillis, long cpuNanos) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private HarnessCpu() {
        sampler = Thread.ofPlatform().daemon().name("harness-cpu").start(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        });
    }

    static HarnessCpu start() {
        return new HarnessCpu();
    }

    /**
     * This JVM's CPU between two moments, as far as the samples tell: from the last sample at or before the first moment to
     * the first at or after the second (so at most 100 ms more on each side).
     */
    private synchronized Duration between(long fromEpochMillis, long toEpochMillis) {
        if (samples.isEmpty()) {
            return Duration.ZERO;
        }
        Sample first = samples.getFirst();
        Sample last = samples.getLast();
        for (Sample sample : samples) {
            if (sample.epochMillis() <= fromEpochMillis) {
                first = sample;
            }
            if (sample.epochMillis() >= toEpochMillis && sample.epochMillis() < last.epochMillis()) {
                last = sample;
            }
        }
        return Duration.ofNanos(Math.max(0, last.cpuNanos() - first.cpuNanos()));
    }

    /** "0.62 cores (6.8 s over 11.0 s)" for a window. */
    String describe(long fromEpochMillis, long toEpochMillis) {
        Duration cpu = between(fromEpochMillis, toEpochMillis);
        long wall = Math.max(1, toEpochMillis - fromEpochMillis);
        return "%.2f cores (%.1f s over %.1f s)".formatted(cpu.toMillis() / (double) wall, cpu.toMillis() / 1000.0, wall / 1000.0);
    }

    private synchronized void sample() {
        ProcessHandle.current().info().totalCpuDuration()
                .ifPresent(cpu -> samples.add(new Sample(System.currentTimeMillis(), cpu.toNanos())));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(1_000);
        sample();
    }
}
