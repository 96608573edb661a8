package app.soiree.console.lookup;

import app.soiree.api.audit.TimelineEventView;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Draws the chain of causes through a timeline read in the store's order: an event is indented one step deeper than
 * the event that caused it ({@code causingEventId}) when that event is in the story, so a capture's consequences sit
 * under it, and a chain that started outside the story (a user's request, a provider's report) starts at the margin.
 * Causes always come before what they cause, so one pass over the pages, in order, is enough.
 */
final class CausalChain {

    /** Deeper than this is drawn at this depth: the page must stay readable. */
    static final int MAX_DEPTH = 8;

    /** A timeline event as drawn: its depth, and the position of the event that caused it, when shown. */
    record Row(TimelineEventView event, int depth, @Nullable Long causePosition) {
    }

    private final Map<String, Row> seen = new HashMap<>();

    Row row(TimelineEventView event) {
        Row cause = event.causingEventId() == null ? null : seen.get(event.causingEventId());
        Row row = cause == null ? new Row(event, 0, null)
                : new Row(event, Math.min(MAX_DEPTH, cause.depth() + 1), cause.event().position());
        seen.put(event.eventId(), row);
        return row;
    }

    void reset() {
        seen.clear();
    }
}
