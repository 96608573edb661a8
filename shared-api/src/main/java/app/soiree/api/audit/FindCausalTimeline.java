package app.soiree.api.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One page of the causal story of a subject, in the order the event store holds the events, after {@code cursor}
 * (a page's {@code nextCursor}; null for the first). Answered with a {@link CausalTimelinePage}, or null when no
 * event concerning the subject has been indexed.
 */
public record FindCausalTimeline(TimelineSubject subject, UUID id, @Nullable String cursor, int limit) {

    /** The most events one page holds; a longer story is paged. */
    public static final int MAX_LIMIT = 500;
}
