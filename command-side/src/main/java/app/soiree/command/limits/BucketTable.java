package app.soiree.command.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (an account, a client address), kept in this process: a replica limits what
 * reaches it. The number of keys is bounded, least recently used first out, so that a flood of
 * invented emails or addresses cannot exhaust memory.
 */
public final class BucketTable {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** Takes one token from the key's bucket of {@code capacity} tokens refilled over {@code period}; the probe says whether it could. */
    public ConsumptionProbe take(String key, int capacity, Duration period) {
        return bucket(key, capacity, period).tryConsumeAndReturnRemaining(1);
    }

    private synchronized Bucket bucket(String key, int capacity, Duration period) {
        return buckets.computeIfAbsent(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
    }
}
