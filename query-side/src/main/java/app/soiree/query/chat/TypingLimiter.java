package app.soiree.query.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How often a member's typing reaches the others: "typing" at most once per {@link #INTERVAL} per
 * conversation, and "stopped" only right after a "typing" that went out, so at most two a second
 * whatever a client sends. What is held back is dropped without a word: typing is a hint.
 * Remembers at most {@link #MAX_REMEMBERED} member-conversation pairs, each for a few seconds.
 */
@Component
class TypingLimiter {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final int MAX_REMEMBERED = 100_000;

    private final Clock clock;
    private final Cache<Key, Sent> lastSent = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
            .expireAfterWrite(INTERVAL.multipliedBy(10)).build();

    TypingLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Whether this input goes out; if so it is remembered as the last that did. */
    boolean allow(UUID userId, UUID conversationId, boolean typing) {
        Instant now = clock.instant();
        boolean[] allowed = {false};
        lastSent.asMap().compute(new Key(userId, conversationId), (key, last) -> {
            allowed[0] = last == null
                    || (typing ? !now.isBefore(last.at().plus(INTERVAL)) : last.typing());
            return allowed[0] ? new Sent(now, typing) : last;
        });
        return allowed[0];
    }

    private record Key(UUID userId, UUID conversationId) {
    }

    private record Sent(Instant at, boolean typing) {
    }
}
