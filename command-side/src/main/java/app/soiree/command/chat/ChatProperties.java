package app.soiree.command.chat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code soiree.chat.*}: how long a gathering's conversation stays open after the gathering ends, and
 * how many messages one user may post per minute across all conversations (per process).
 */
@ConfigurationProperties("soiree.chat")
public record ChatProperties(@Nullable Duration gatheringReadOnlyAfter, @Nullable Integer messagesPerMinute) {

    public ChatProperties {
        gatheringReadOnlyAfter = gatheringReadOnlyAfter == null ? Duration.ofDays(3) : gatheringReadOnlyAfter;
        messagesPerMinute = messagesPerMinute == null ? 30 : messagesPerMinute;
        if (gatheringReadOnlyAfter.isNegative() || messagesPerMinute < 1) {
            throw new IllegalArgumentException("soiree.chat.gathering-read-only-after must not be negative and messages-per-minute positive");
        }
    }
}
