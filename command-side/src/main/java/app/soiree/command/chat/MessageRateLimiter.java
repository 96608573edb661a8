package app.soiree.command.chat;

import app.soiree.api.error.RateLimitedException;
import app.soiree.api.identity.UserId;
import app.soiree.command.limits.BucketTable;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Caps how fast one user posts across all conversations ({@code soiree.chat.messages-per-minute}; per process). */
@Component
class MessageRateLimiter {

    private final BucketTable buckets = new BucketTable();
    private final int perMinute;

    MessageRateLimiter(ChatProperties properties) {
        this.perMinute = properties.messagesPerMinute();
    }

    void acquire(UserId userId) {
        ConsumptionProbe probe = buckets.take(userId.toString(), perMinute, Duration.ofMinutes(1));
        if (!probe.isConsumed()) {
            throw new RateLimitedException("Too many messages; slow down", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
