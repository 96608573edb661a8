package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** {@code version} counts every change to what decides deliveries (preferences, verified number, consent, opt-outs). */
public record NotificationPreferencesChanged(UserId userId, NotificationPreferences preferences, long version, Instant at) {
}
