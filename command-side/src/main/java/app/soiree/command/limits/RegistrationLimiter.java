package app.soiree.command.limits;

import app.soiree.api.error.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Slows mass account creation: each client address gets a bucket of registrations that refills over
 * an hour. Buckets live in this process (a replica limits what reaches it), and the number of tracked
 * addresses is bounded so that a flood of addresses cannot exhaust memory.
 */
@Component
public class RegistrationLimiter {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final AbuseLimits limits;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED_ADDRESSES;
        }
    };

    RegistrationLimiter(AbuseLimits limits) {
        this.limits = limits;
    }

    /** Takes one registration from the address's bucket, or refuses with 429 and how long to wait. */
    public void acquire(String clientAddress) {
        if (limits.exempts(clientAddress)) {
            return;
        }
        ConsumptionProbe probe = bucket(clientAddress).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException("Too many accounts opened from this address; try again later",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private synchronized Bucket bucket(String clientAddress) {
        int perHour = limits.registrationsPerAddressPerHour();
        return buckets.computeIfAbsent(clientAddress, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
    }
}
