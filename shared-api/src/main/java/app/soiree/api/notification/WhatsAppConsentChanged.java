package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record WhatsAppConsentChanged(UserId userId, boolean optIn, long version, Instant at) {
}
