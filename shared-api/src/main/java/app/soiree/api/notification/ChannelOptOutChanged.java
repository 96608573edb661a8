package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** The user's number answered STOP ({@code optedOut}) or START on {@code channel}; nothing more goes there until START. */
public record ChannelOptOutChanged(UserId userId, NotificationChannel channel, boolean optedOut, long version, Instant at) {
}
