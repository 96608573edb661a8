package app.soiree.command.limits;

import app.soiree.api.error.RateLimitedException;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows mass account creation: each client address gets a bucket of registrations that refills over
 * an hour ({@link BucketTable}: per process, bounded).
 */
@Component
public class RegistrationLimiter {

    private final AbuseLimits limits;
    private final BucketTable buckets = new BucketTable();

    RegistrationLimiter(AbuseLimits limits) {
        this.limits = limits;
    }

    /** Takes one registration from the address's bucket, or refuses with 429 and how long to wait. */
    public void acquire(String clientAddress) {
        if (limits.exempts(clientAddress)) {
            return;
        }
        ConsumptionProbe probe = buckets.take(clientAddress, limits.registrationsPerAddressPerHour(), Duration.ofHours(1));
        if (!probe.isConsumed()) {
            throw new RateLimitedException("Too many accounts opened from this address; try again later",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
