package app.soiree.api.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code nextCursor}: where the next page starts, or null when these are the story's last events. */
public record CausalTimelinePage(TimelineSubject subject, java.util.UUID id, List<TimelineEventView> items, @Nullable String nextCursor) {
}
