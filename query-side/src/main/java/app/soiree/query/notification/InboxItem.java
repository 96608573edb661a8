package app.soiree.query.notification;

import app.soiree.api.notification.NotificationCategory;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A notification in its recipient's inbox ({@code GET /api/me/notifications}, and the {@code notification.new} push).
 * {@code createdAt}: when it was planned; {@code shownAt}: when it reached the inbox, which orders the inbox.
 */
public record InboxItem(NotificationId notificationId, NotificationCategory category, NotificationKind kind, String title, String body,
                        @Nullable String link, Map<String, String> data, Instant createdAt, Instant shownAt, @Nullable Instant readAt) {
}
