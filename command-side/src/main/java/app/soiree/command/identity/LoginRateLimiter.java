package app.soiree.command.identity;

import app.soiree.api.error.RateLimitedException;
import app.soiree.command.limits.BucketTable;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: each account and each client address gets a bucket of login attempts that
 * refills every minute ({@link BucketTable}: per process, bounded).
 */
@Component
class LoginRateLimiter {

    private final int perAccount;
    private final int perAddress;
    private final BucketTable buckets = new BucketTable();

    LoginRateLimiter(IdentityProperties properties) {
        this.perAccount = properties.loginAttemptsPerAccountPerMinute();
        this.perAddress = properties.loginAttemptsPerAddressPerMinute();
    }

    /** Takes one attempt from both buckets or refuses with 429 and how long to wait. */
    void acquire(String email, String clientAddress) {
        ConsumptionProbe byAddress = buckets.take("address:" + clientAddress, perAddress, Duration.ofMinutes(1));
        if (!byAddress.isConsumed()) {
            throw new RateLimitedException("Too many login attempts; try again later", Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
        }
        ConsumptionProbe byAccount = buckets.take("account:" + email, perAccount, Duration.ofMinutes(1));
        if (!byAccount.isConsumed()) {
            throw new RateLimitedException("Too many login attempts; try again later", Duration.ofNanos(byAccount.getNanosToWaitForRefill()));
        }
    }
}
