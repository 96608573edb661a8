package app.soiree.api.operations;

import org.jspecify.annotations.Nullable;

/**
 * Parked events, oldest first; only those of {@code processingGroup} when it is given. {@code limit}
 * is brought into 1..100; {@code cursor} is the {@code nextCursor} of the previous page. Answered with
 * a {@link ParkedEventPage}.
 */
public record FindParkedEvents(@Nullable String processingGroup, @Nullable String cursor, int limit) {
}
