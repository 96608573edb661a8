package app.soiree.api.notification;

import java.time.Instant;
import java.util.List;

/** The newest skipped events (at most the limit asked for) and how many there are in all. */
public record SkippedNotificationEvents(List<Skipped> items, long total) {

    public SkippedNotificationEvents {
        items = List.copyOf(items);
    }

    /**
     * One event a notification processor skipped: which processor, the event (its id in the store and its type), how
     * many times it failed in a row and the last error (shortened), and when it was given up on.
     */
    public record Skipped(String processingGroup, String eventId, String eventType, int failures, String error, Instant skippedAt) {
    }
}
