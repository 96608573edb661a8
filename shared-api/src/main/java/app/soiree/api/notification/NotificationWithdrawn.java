package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** What it announced stopped being true before it was due: it never shows (deliveries still waiting are skipped). */
public record NotificationWithdrawn(NotificationId notificationId, UserId recipientId, String reason, Instant at)
        implements NotificationEvent {
}
