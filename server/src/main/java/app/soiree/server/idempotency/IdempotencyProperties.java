package app.soiree.server.idempotency;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an {@code Idempotency-Key} is remembered ({@code retention}, 24 hours as at Stripe), and how often each process
 * forgets the keys older than that ({@code purgeEvery}). A retry that comes later is carried out again; the requests
 * whose ids follow from their key (bookings, messages, payouts, promotions) then come back to what the first made.
 */
@ConfigurationProperties("soiree.idempotency")
record IdempotencyProperties(@Nullable Duration retention, @Nullable Duration purgeEvery) {

    IdempotencyProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
        purgeEvery = purgeEvery == null ? Duration.ofMinutes(10) : purgeEvery;
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("soiree.idempotency.retention must be at least an hour, well beyond a client's retries");
        }
        if (purgeEvery.isNegative() || purgeEvery.isZero()) {
            throw new IllegalArgumentException("soiree.idempotency.purge-every must be positive");
        }
    }
}
