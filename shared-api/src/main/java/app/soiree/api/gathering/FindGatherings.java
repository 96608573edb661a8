package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published gatherings, soonest first. {@code text} searches title and description; the other
 * filters narrow further. Answered with a {@link GatheringPage}.
 */
public record FindGatherings(@Nullable String text, @Nullable String tag, @Nullable Instant from, @Nullable Instant to,
                             @Nullable UserId hostId, @Nullable String cursor, int limit) {
}
