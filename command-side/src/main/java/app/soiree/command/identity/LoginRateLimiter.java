package app.soiree.command.identity;

import app.soiree.api.error.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: each account and each client address gets a bucket of login attempts that
 * refills every minute. Buckets live in this process (a replica limits what reaches it); the number
 * of tracked keys is bounded so that a flood of invented emails cannot exhaust memory.
 */
@Component
class LoginRateLimiter {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final int perAccount;
    private final int perAddress;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED_KEYS;
        }
    };

    LoginRateLimiter(IdentityProperties properties) {
        this.perAccount = properties.loginAttemptsPerAccountPerMinute();
        this.perAddress = properties.loginAttemptsPerAddressPerMinute();
    }

    /** Takes one attempt from both buckets or refuses with 429 and how long to wait. */
    void acquire(String email, String clientAddress) {
        ConsumptionProbe byAddress = bucket("address:" + clientAddress, perAddress).tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            throw new RateLimitedException("Too many login attempts; try again later", Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
        }
        ConsumptionProbe byAccount = bucket("account:" + email, perAccount).tryConsumeAndReturnRemaining(1);
        if (!byAccount.isConsumed()) {
            throw new RateLimitedException("Too many login attempts; try again later", Duration.ofNanos(byAccount.getNanosToWaitForRefill()));
        }
    }

    private synchronized Bucket bucket(String key, int attemptsPerMinute) {
        return buckets.computeIfAbsent(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attemptsPerMinute)
                        .refillGreedy(attemptsPerMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
