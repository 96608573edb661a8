package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record NotificationRead(NotificationId notificationId, UserId recipientId, Instant readAt) implements NotificationEvent {
}
