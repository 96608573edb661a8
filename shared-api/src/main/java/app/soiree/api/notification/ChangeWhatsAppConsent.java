package app.soiree.api.notification;

import app.soiree.api.identity.UserId;

public record ChangeWhatsAppConsent(UserId userId, boolean optIn) implements NotificationSettingsCommand {
}
