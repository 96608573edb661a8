package app.soiree.api.notification;

import app.soiree.api.identity.UserId;

/** The user's number answered STOP ({@code optedOut}) or START on a channel. */
public record ChangeChannelOptOut(UserId userId, NotificationChannel channel, boolean optedOut) implements NotificationSettingsCommand {
}
