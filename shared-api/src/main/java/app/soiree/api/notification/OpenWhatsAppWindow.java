package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** The user wrote to us on WhatsApp: free-form messages may go to them until {@code until}. */
public record OpenWhatsAppWindow(UserId userId, Instant until) implements NotificationSettingsCommand {
}
