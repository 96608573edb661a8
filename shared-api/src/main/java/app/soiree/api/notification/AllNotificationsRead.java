package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record AllNotificationsRead(UserId userId, Instant upTo, Instant at) {
}
