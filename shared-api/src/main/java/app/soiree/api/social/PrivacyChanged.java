package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record PrivacyChanged(UserId userId, PrivacySettings settings, Instant at) {
}
