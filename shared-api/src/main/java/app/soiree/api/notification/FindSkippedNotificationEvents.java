package app.soiree.api.notification;

/**
 * The events the notification processors gave up on, newest first: each failed the same way every time, so it was
 * written down and skipped rather than left to hold up every notification behind it. {@code limit} is brought into
 * 1..{@value #MAX_LIMIT}. Answered with a {@link SkippedNotificationEvents}.
 */
public record FindSkippedNotificationEvents(int limit) {

    public static final int MAX_LIMIT = 200;
}
