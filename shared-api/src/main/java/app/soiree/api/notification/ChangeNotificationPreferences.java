package app.soiree.api.notification;

import app.soiree.api.identity.UserId;

/** Replaces the user's preferences; refused ({@code CRITICAL_NOT_OPTIONAL}) if it would silence a critical kind. Answers the new version. */
public record ChangeNotificationPreferences(UserId userId, NotificationPreferences preferences) implements NotificationSettingsCommand {
}
