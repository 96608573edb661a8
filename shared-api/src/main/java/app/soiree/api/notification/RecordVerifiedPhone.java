package app.soiree.api.notification;

import app.soiree.api.identity.UserId;

/** The user proved they hold {@code phone} (E.164) with the code sent to it. */
public record RecordVerifiedPhone(UserId userId, String phone) implements NotificationSettingsCommand {
}
