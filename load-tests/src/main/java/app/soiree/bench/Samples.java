package app.soiree.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every answer the simulations receive: which kind it was, when it started and ended. Gatling's own
 * statistics group requests by name, chosen before the answer arrives; a booking's latency, though,
 * must be split by what the server answered (a hold or SOLD_OUT), so the simulations record each answer
 * here as well. Gatling, the harness and these samples share one JVM.
 */
final class Samples {

    /** One answer. {@code status} is the HTTP status, or -1 when no answer came (a timeout, a refused connection). */
    record Sample(String kind, int status, long startMillis, long endMillis) {
        long latencyMillis() {
            return endMillis - startMillis;
        }
    }

    private static final ConcurrentLinkedQueue<Sample> RECORDED = new ConcurrentLinkedQueue<>();

    private Samples() {
    }

    static void record(String kind, int status, long startMillis, long endMillis) {
        RECORDED.add(new Sample(kind, status, startMillis, endMillis));
    }

    /** What was recorded since the last call, and forget it. */
    static List<Sample> drain() {
        List<Sample> drained = new java.util.ArrayList<>();
        Sample sample;
        while ((sample = RECORDED.poll()) != null) {
            drained.add(sample);
        }
        return drained;
    }

    static List<Sample> of(Collection<Sample> samples, Predicate<Sample> which) {
        return samples.stream().filter(which).toList();
    }

    static Map<String, Long> countByKind(Collection<Sample> samples) {
        return samples.stream().collect(Collectors.groupingBy(s -> s.kind() + " " + s.status(), java.util.TreeMap::new, Collectors.counting()));
    }

    /** Latency percentiles and throughput of a set of answers. */
    record Stats(int count, double perSecond, long p50, long p95, long p99, long max) {

        static Stats of(List<Sample> samples) {
            if (samples.isEmpty()) {
                return new Stats(0, 0, 0, 0, 0, 0);
            }
            long[] latencies = samples.stream().mapToLong(Sample::latencyMillis).sorted().toArray();
            long first = samples.stream().mapToLong(Sample::startMillis).min().orElseThrow();
            long last = samples.stream().mapToLong(Sample::endMillis).max().orElseThrow();
            return new Stats(latencies.length, Samples.perSecond(latencies.length, last - first),
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), latencies[latencies.length - 1]);
        }

        String latencies() {
            return count == 0 ? "–" : "%d / %d / %d ms".formatted(p50, p95, p99);
        }
    }

    static double perSecond(long count, long millis) {
        return millis <= 0 ? 0 : count * 1000.0 / millis;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
