package app.soiree.command.refund;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code retryAfter}: the first wait before asking the provider again about a refund call that went
 * unanswered (or was turned away for now); each further attempt waits twice as long, at most
 * {@code maxAttempts} times in all, after which the refund is left to staff. {@code reconcileAfter}:
 * how long a refund the provider accepted may stay pending before the provider is asked where it stands
 * (its webhook normally comes first); the same cap applies. {@code simulatedOutcome}: what the simulated
 * provider does with a refund: {@code succeeded} at once (reported through the inbox), or {@code pending}
 * until the development endpoint decides.
 */
@ConfigurationProperties("soiree.refunds")
public record RefundsProperties(@Nullable Duration retryAfter, @Nullable Integer maxAttempts, @Nullable Duration reconcileAfter,
                                @Nullable SimulatedOutcome simulatedOutcome) {

    public enum SimulatedOutcome { succeeded, pending }

    public RefundsProperties {
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        reconcileAfter = reconcileAfter == null ? Duration.ofHours(1) : reconcileAfter;
        simulatedOutcome = simulatedOutcome == null ? SimulatedOutcome.succeeded : simulatedOutcome;
        if (retryAfter.isNegative() || retryAfter.isZero() || reconcileAfter.isNegative() || reconcileAfter.isZero()) {
            throw new IllegalArgumentException("soiree.refunds.retry-after and reconcile-after must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 30) {
            throw new IllegalArgumentException("soiree.refunds.max-attempts must be between 1 and 30");
        }
    }
}
