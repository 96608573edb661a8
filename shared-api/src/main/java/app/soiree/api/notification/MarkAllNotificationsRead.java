package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** Every notification of the user created up to {@code upTo} counts as read. */
public record MarkAllNotificationsRead(UserId userId, Instant upTo) implements NotificationSettingsCommand {
}
